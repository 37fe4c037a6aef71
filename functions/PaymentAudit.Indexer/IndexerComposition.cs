using Amazon.DynamoDBv2;
using Amazon.S3;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;

namespace PaymentAudit.Indexer;

/// <summary>Wires the indexer's parts together.</summary>
public static class IndexerComposition
{
    /// <summary>The indexer over the table and bucket of <paramref name="settings"/>.</summary>
    public static HistoryIndexer CreateIndexer(IndexerSettings settings, IAmazonDynamoDB dynamoDb, IAmazonS3 s3, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new HistoryIndexer(
            new AuditTrailReader(dynamoDb, settings.TableName),
            new S3HistoryStore(s3, settings.ArchiveBucket),
            new AuditEventValidator(),
            time,
            new HistoryIndexerOptions { BucketCount = settings.BucketCount });
    }
}
