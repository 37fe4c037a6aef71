using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>A real writer over a fresh table in DynamoDB Local and a fresh bucket in fauxqs, plus what a test needs to inspect them.</summary>
public sealed class WriterUnderTest : IDisposable
{
    private readonly DynamoDbLocalFixture _dynamoDb;
    private readonly List<IDisposable> _owned = [];

    private WriterUnderTest(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs, string table, string bucket)
    {
        _dynamoDb = dynamoDb;
        Table = table;
        Bucket = bucket;
        Client = Own(dynamoDb.CreateClient());
        S3 = Own(fauxqs.CreateS3Client());
        Reader = new AuditTrailReader(Client, table);
        History = new S3HistoryStore(S3, bucket);
        Archive = new S3PayloadArchive(S3, bucket);
    }

    /// <summary>The test's table.</summary>
    public string Table { get; }

    /// <summary>The test's archive bucket.</summary>
    public string Bucket { get; }

    /// <summary>A fault-free client for inspection.</summary>
    public AmazonDynamoDBClient Client { get; }

    /// <summary>The archive bucket's client.</summary>
    public IAmazonS3 S3 { get; }

    /// <summary>Reads the table.</summary>
    public AuditTrailReader Reader { get; }

    /// <summary>The history index in the bucket.</summary>
    public S3HistoryStore History { get; }

    /// <summary>Whole payloads of quarantined messages.</summary>
    public S3PayloadArchive Archive { get; }

    /// <summary>Everything the writers printed.</summary>
    public StringWriter Output { get; } = new();

    /// <summary>Creates a fresh table and bucket.</summary>
    public static async Task<WriterUnderTest> CreateAsync(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs) =>
        new(dynamoDb, fauxqs, await dynamoDb.CreateTableAsync(), await fauxqs.CreateBucketAsync());

    /// <summary>A writer instance (own tail cache, like one Lambda execution environment).</summary>
    public SqsBatchHandler NewWriter(FaultInjectingHandler? faults = null) =>
        WriterComposition.CreateHandler(
            new WriterSettings { TableName = Table, Environment = "test", ArchiveBucket = Bucket },
            Own(_dynamoDb.CreateClient(faults)),
            S3,
            TimeProvider.System,
            Output);

    /// <summary>Runs the history indexer once, which commits every chain's head outside the table.</summary>
    public Task<IndexRun> IndexAsync() =>
        new HistoryIndexer(Reader, History, new AuditEventValidator(), TimeProvider.System).RunAsync(CancellationToken.None);

    /// <summary>Verifies one chain, against the heads the history index committed.</summary>
    public async Task<ChainVerification> VerifyAsync(string chainId)
    {
        var committed = HistoryCommitments.Of(await History.ReadManifestAsync(CancellationToken.None), chainId);
        return await new ChainVerifier(new AuditEventValidator()).VerifyAsync(chainId, Reader.ReadChainAsync(chainId), committed);
    }

    /// <summary>A chain's records in order.</summary>
    public async Task<List<StoredRecord>> ChainAsync(string chainId)
    {
        var records = new List<StoredRecord>();
        await foreach (var record in Reader.ReadChainAsync(chainId))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Every item in the table.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync()
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        var request = new ScanRequest { TableName = Table };
        do
        {
            var response = await Client.ScanAsync(request);
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }

    /// <summary>The records of every chain (no directory items).</summary>
    public async Task<List<StoredRecord>> AllRecordsAsync() =>
        (await ScanAllAsync()).Where(i => i["sk"].S.StartsWith(AuditKeys.RecordSortKeyPrefix, StringComparison.Ordinal)).Select(AuditItemMapper.ToStoredRecord).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
