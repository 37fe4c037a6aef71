using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using PaymentAudit.Auditing.Verification;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Sqs;

namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>A trail written by the real writer into a fresh table and bucket on the emulators, indexed once; tests then tamper with it.</summary>
public sealed class StoredTrail : IDisposable
{
    private SqsBatchHandler? _writer;

    private StoredTrail(AmazonDynamoDBClient dynamoDb, AmazonS3Client s3, string table, string bucket)
    {
        DynamoDb = dynamoDb;
        S3 = s3;
        Table = table;
        Bucket = bucket;
        Reader = new AuditTrailReader(dynamoDb, table);
        History = new S3HistoryStore(s3, bucket);
        Archive = new S3PayloadArchive(s3, bucket);
    }

    /// <summary>The table's client.</summary>
    public AmazonDynamoDBClient DynamoDb { get; }

    /// <summary>The bucket's client.</summary>
    public AmazonS3Client S3 { get; }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>The archive bucket.</summary>
    public string Bucket { get; }

    /// <summary>Reads the table.</summary>
    public AuditTrailReader Reader { get; }

    /// <summary>The history index.</summary>
    public S3HistoryStore History { get; }

    /// <summary>Archived payloads.</summary>
    public S3PayloadArchive Archive { get; }

    /// <summary>
    /// Two chains of six records each (accepted events touching payment records, one quarantined
    /// message larger than the preview in chain-a at seq 4), written by the real writer and indexed.
    /// </summary>
    public static async Task<StoredTrail> CreateAsync(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
    {
        var trail = new StoredTrail(dynamoDb.CreateClient(), fauxqs.CreateS3Client(), await dynamoDb.CreateTableAsync(), await fauxqs.CreateBucketAsync());
        var writer = WriterComposition.CreateHandler(
            new WriterSettings { TableName = trail.Table, Environment = "test", ArchiveBucket = trail.Bucket }, trail.DynamoDb, trail.S3, TimeProvider.System, TextWriter.Null);
        var messages = new List<SqsMessage>();
        for (var i = 0; i < 12; i++)
        {
            var chain = i % 2 == 0 ? "chain-a" : "chain-b";
            var body = i == 6 ? "junk " + new string('x', 5_000) : Some.Json(Some.AccessEvent(minute: i, queried: [$"pay-{i}"], returned: [$"pay-{i}", "pay-shared"]));
            messages.Add(new SqsMessage($"m-{i:D2}", body, new SqsMessageAttributes(chain, "1", null, null)));
        }

        trail._writer = writer;
        var report = await writer.HandleAsync(new SqsEvent(messages), CancellationToken.None);
        report.FailedMessageIds.ShouldBeEmpty();
        (await trail.IndexAsync()).Problems.ShouldBeEmpty();
        return trail;
    }

    /// <summary>Stores one more message through the real writer.</summary>
    public async Task AppendAsync(string chainId, string messageId, string body)
    {
        var report = await _writer!.HandleAsync(new SqsEvent([new SqsMessage(messageId, body, new SqsMessageAttributes(chainId, "1", null, null))]), CancellationToken.None);
        report.FailedMessageIds.ShouldBeEmpty();
    }

    /// <summary>Runs the history indexer once.</summary>
    public Task<IndexRun> IndexAsync() => new HistoryIndexer(Reader, History, new AuditEventValidator(), TimeProvider.System).RunAsync(CancellationToken.None);

    /// <summary>Verifies the whole trail.</summary>
    public Task<TrailReport> VerifyAsync(VerifyRequest? request = null) =>
        new TrailVerifier(Reader, History, Archive, new AuditEventValidator()).VerifyAsync(request ?? new VerifyRequest([]), null, CancellationToken.None);

    /// <summary>The item of a record.</summary>
    public async Task<Dictionary<string, AttributeValue>> GetAsync(string chainId, long seq) =>
        (await DynamoDb.GetItemAsync(new GetItemRequest { TableName = Table, Key = Key(chainId, seq), ConsistentRead = true })).Item;

    /// <summary>Writes an item behind the writer's back.</summary>
    public Task PutAsync(Dictionary<string, AttributeValue> item) => DynamoDb.PutItemAsync(Table, item);

    /// <summary>Deletes an item behind the writer's back.</summary>
    public Task DeleteAsync(string chainId, long seq) => DynamoDb.DeleteItemAsync(Table, Key(chainId, seq));

    /// <summary>The key of a record.</summary>
    public static Dictionary<string, AttributeValue> Key(string chainId, long seq) => new()
    {
        ["pk"] = new AttributeValue { S = AuditKeys.Chain(chainId) },
        ["sk"] = new AttributeValue { S = AuditKeys.Record(seq) },
    };

    /// <inheritdoc />
    public void Dispose()
    {
        DynamoDb.Dispose();
        S3.Dispose();
    }
}
