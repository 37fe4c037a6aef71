using Amazon.DynamoDBv2;
using Amazon.S3;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;

namespace PaymentAudit.Local.History;

/// <summary>The history index of a local pipeline: the indexer the deployed function runs, and the query the auditor's tools use.</summary>
public sealed class LocalHistory
{
    /// <summary>Key buckets of the local index: fewer than on AWS, since local trails are small.</summary>
    public const int BucketCount = 8;

    /// <summary>Builds the indexer and the query over the table and archive bucket of <paramref name="resources"/>.</summary>
    public LocalHistory(IAmazonDynamoDB dynamoDb, IAmazonS3 s3, LocalResources resources, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Reader = new AuditTrailReader(dynamoDb, resources.TableName);
        Store = new S3HistoryStore(s3, resources.ArchiveBucket);
        var validator = new AuditEventValidator();
        Indexer = new HistoryIndexer(Reader, Store, validator, time, new HistoryIndexerOptions { BucketCount = BucketCount });
        Query = new HistoryQuery(Reader, Store, validator);
    }

    /// <summary>Reads the table.</summary>
    public AuditTrailReader Reader { get; }

    /// <summary>The index's manifest and segments.</summary>
    public S3HistoryStore Store { get; }

    /// <summary>Indexes new records.</summary>
    public HistoryIndexer Indexer { get; }

    /// <summary>Answers actor and payment-record questions.</summary>
    public HistoryQuery Query { get; }

    /// <summary>The committed heads of the index's manifest, per chain (what verification holds the chains to).</summary>
    public async Task<IReadOnlyDictionary<string, ChainWatermark>> CommitmentsAsync(CancellationToken cancellationToken)
    {
        var manifest = await Store.ReadManifestAsync(cancellationToken);
        return (manifest?.Watermarks ?? []).ToDictionary(w => w.ChainId, StringComparer.Ordinal);
    }
}
