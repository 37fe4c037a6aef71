using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>A real writer over a fresh table in DynamoDB Local, plus what a test needs to inspect it.</summary>
public sealed class WriterUnderTest : IDisposable
{
    private readonly DynamoDbLocalFixture _fixture;
    private readonly List<IDisposable> _owned = [];

    private WriterUnderTest(DynamoDbLocalFixture fixture, string table)
    {
        _fixture = fixture;
        Table = table;
        Client = Own(fixture.CreateClient());
        Reader = new AuditTrailReader(Client, table);
    }

    /// <summary>The test's table.</summary>
    public string Table { get; }

    /// <summary>A fault-free client for inspection.</summary>
    public AmazonDynamoDBClient Client { get; }

    /// <summary>Reads the table.</summary>
    public AuditTrailReader Reader { get; }

    /// <summary>Everything the writers printed.</summary>
    public StringWriter Output { get; } = new();

    /// <summary>Creates a fresh table.</summary>
    public static async Task<WriterUnderTest> CreateAsync(DynamoDbLocalFixture fixture) => new(fixture, await fixture.CreateTableAsync());

    /// <summary>A writer instance (own head cache, like one Lambda execution environment).</summary>
    public SqsBatchHandler NewWriter(FaultInjectingHandler? faults = null) =>
        WriterComposition.CreateHandler(
            new WriterSettings { TableName = Table, Environment = "test" },
            Own(_fixture.CreateClient(faults)),
            TimeProvider.System,
            Output);

    /// <summary>Verifies one chain.</summary>
    public async Task<ChainVerification> VerifyAsync(string chainId) =>
        await new ChainVerifier(new AuditEventValidator()).VerifyAsync(chainId, Reader.ReadChainAsync(chainId), await Reader.ReadHeadAsync(chainId));

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
