using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;
using PaymentAudit.Storage.Capacity;
using PaymentAudit.Testing.DynamoDb;

namespace PaymentAudit.Storage.Tests.Capacity;

/// <summary>The meter bills real requests to DynamoDB Local as DynamoDB documents its billing.</summary>
[Collection(UsesDynamoDbLocal.Name)]
public sealed class CapacityMeterTests(DynamoDbLocalFixture dynamoDb) : IDisposable
{
    private const int KiB = 1024;
    private const string NotExists = "attribute_not_exists(pk)";
    private readonly List<IDisposable> _disposables = [];

    [Fact]
    public async Task PutItem_NewItemOutsideTheIndex_BillsItsSizeRoundedUpToAKilobyte()
    {
        var (client, meter, table) = await CreateAsync();

        await client.PutItemAsync(new PutItemRequest(table, Item("a", 1500)));

        meter.ByOperation["PutItem"].ShouldSatisfyAllConditions(
            put => put.TableWriteUnits.ShouldBe(2),
            put => put.IndexWriteUnits.ShouldBe(0));
    }

    [Fact]
    public async Task PutItem_NewItemWithTheIndexKeys_AddsOneWriteOfItsIndexEntry()
    {
        var (client, meter, table) = await CreateAsync();

        await client.PutItemAsync(new PutItemRequest(table, Item("a", 3000, indexed: true)));

        (meter.ByOperation["PutItem"].TableWriteUnits, meter.IndexWriteUnits[AuditTopology.EventIndexName]).ShouldBe((3, 1));
    }

    [Fact]
    public async Task PutItem_ReplacingALargerItem_BillsTheLargerSize()
    {
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 3000)));

        await client.PutItemAsync(new PutItemRequest(table, Item("a", 100)));

        meter.WriteUnits.ShouldBe(3 + 3);
    }

    [Fact]
    public async Task PutItem_WhoseConditionFails_IsBilledOnTheExistingItemAndCounted()
    {
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 2500)));

        await Should.ThrowAsync<ConditionalCheckFailedException>(
            client.PutItemAsync(new PutItemRequest(table, Item("a", 100)) { ConditionExpression = NotExists }));

        meter.ByOperation["PutItem"].ShouldSatisfyAllConditions(
            put => put.TableWriteUnits.ShouldBe(3 + 3),
            put => put.ConditionalCheckFailures.ShouldBe(1));
    }

    [Fact]
    public async Task BatchWriteItem_RoundsEachItemBeforeSumming()
    {
        // read-write-operations.html: a 500-byte and a 3.5 KB item cost 1 KB + 4 KB.
        var (client, meter, table) = await CreateAsync();

        await client.BatchWriteItemAsync(new BatchWriteItemRequest(new Dictionary<string, List<WriteRequest>>
        {
            [table] = [new WriteRequest(new PutRequest(Item("a", 500))), new WriteRequest(new PutRequest(Item("b", 3584)))],
        }));

        meter.WriteUnits.ShouldBe(5);
    }

    [Fact]
    public async Task TransactWriteItems_ThreeItemsOf500Bytes_AreSixUnits()
    {
        // transaction-apis.html#transaction-capacity-handling.
        var (client, meter, table) = await CreateAsync();

        await client.TransactWriteItemsAsync(Transaction(table, Item("a", 500), Item("b", 500), Item("c", 500)));

        meter.ByOperation["TransactWriteItems"].TableWriteUnits.ShouldBe(6);
    }

    [Fact]
    public async Task TransactWriteItems_IndexWrites_AreNotDoubled()
    {
        var (client, meter, table) = await CreateAsync();

        await client.TransactWriteItemsAsync(Transaction(table, Item("a", 500, indexed: true)));

        (meter.ByOperation["TransactWriteItems"].TableWriteUnits, meter.ByOperation["TransactWriteItems"].IndexWriteUnits).ShouldBe((2, 1));
    }

    [Fact]
    public async Task TransactWriteItems_CancelledByACondition_BillsEachActionAsAFailedConditionalWrite()
    {
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 2500)));

        await Should.ThrowAsync<TransactionCanceledException>(client.TransactWriteItemsAsync(Transaction(table, Item("a", 100), Item("b", 100))));

        meter.ByOperation["TransactWriteItems"].ShouldSatisfyAllConditions(
            tx => tx.TableWriteUnits.ShouldBe(3 + 1),
            tx => tx.CancelledTransactions.ShouldBe(1));
    }

    [Fact]
    public async Task TransactWriteItems_RepeatedClientToken_IsBilledAsTransactionalReads()
    {
        var (client, meter, table) = await CreateAsync();
        await client.TransactWriteItemsAsync(Transaction(table, Item("a", 500), Item("b", 5000)));
        var first = meter.ByOperation["TransactWriteItems"];

        await client.TransactWriteItemsAsync(Transaction(table, Item("a", 500), Item("b", 5000)));

        meter.ByOperation["TransactWriteItems"].ShouldSatisfyAllConditions(
            tx => tx.WriteUnits.ShouldBe(first.WriteUnits),
            tx => tx.ReadUnits.ShouldBe(2 + 4),
            tx => tx.ReplayedTransactions.ShouldBe(1));
    }

    [Fact]
    public async Task GetItem_OfATenKilobyteItem_IsThreeUnitsStronglyConsistentOrHalfThatEventually()
    {
        // read-write-operations.html: a 10 KB item is rounded to 12 KB.
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 10 * KiB)));

        await client.GetItemAsync(new GetItemRequest(table, Key("a"), consistentRead: true));
        await client.GetItemAsync(new GetItemRequest(table, Key("a"), consistentRead: false));

        meter.ReadUnits.ShouldBe(3 + 1.5);
    }

    [Fact]
    public async Task GetItem_WithAProjection_IsBilledOnTheWholeItem()
    {
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 10 * KiB)));

        await client.GetItemAsync(new GetItemRequest(table, Key("a"), consistentRead: true) { ProjectionExpression = "pk" });

        meter.ReadUnits.ShouldBe(3);
    }

    [Fact]
    public async Task GetItem_OfAMissingItem_StillCostsOneUnit()
    {
        var (client, meter, table) = await CreateAsync();

        await client.GetItemAsync(new GetItemRequest(table, Key("nothing"), consistentRead: true));

        meter.ReadUnits.ShouldBe(1);
    }

    [Fact]
    public async Task BatchGetItem_RoundsEachItemBeforeSumming()
    {
        // read-write-operations.html: 1.5 KB + 6.5 KB are read as 4 KB + 8 KB.
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 1536)));
        await client.PutItemAsync(new PutItemRequest(table, Item("b", 6656)));

        await client.BatchGetItemAsync(new BatchGetItemRequest(new Dictionary<string, KeysAndAttributes>
        {
            [table] = new() { Keys = [Key("a"), Key("b")], ConsistentRead = true },
        }));

        meter.ReadUnits.ShouldBe(3);
    }

    [Fact]
    public async Task Query_SumsTheItemsReadBeforeRounding()
    {
        var (client, meter, table) = await CreateAsync();
        foreach (var sk in new[] { "1", "2", "3" })
        {
            await client.PutItemAsync(new PutItemRequest(table, Item("a", 1500, sk: sk)));
        }

        await client.QueryAsync(new QueryRequest(table)
        {
            ConsistentRead = true,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = "a" } },
        });

        meter.ReadUnits.ShouldBe(2);
    }

    [Fact]
    public async Task Query_OnTheIndex_ReadsEntriesEventuallyConsistent()
    {
        var (client, meter, table) = await CreateAsync();
        await client.PutItemAsync(new PutItemRequest(table, Item("a", 20 * KiB, indexed: true)));

        await client.QueryAsync(new QueryRequest(table)
        {
            IndexName = AuditTopology.EventIndexName,
            KeyConditionExpression = "eventId = :e",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":e"] = new() { S = "evt-a" } },
        });

        meter.ReadUnits.ShouldBe(0.5);
    }

    [Fact]
    public async Task ARequestDynamoDbRefuses_IsCountedButNotBilled()
    {
        var (client, meter, _) = await CreateAsync();

        await Should.ThrowAsync<ResourceNotFoundException>(client.PutItemAsync(new PutItemRequest("no-such-table", Item("a", 100))));

        meter.ByOperation["PutItem"].ShouldSatisfyAllConditions(
            put => put.UnbilledErrors.ShouldBe(1),
            put => put.WriteUnits.ShouldBe(0));
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    /// <summary>An item of exactly <paramref name="bytes"/>; with <paramref name="indexed"/>, it has the event index's key.</summary>
    private static Dictionary<string, AttributeValue> Item(string pk, int bytes, bool indexed = false, string sk = "R")
    {
        var item = Key(pk, sk);
        if (indexed)
        {
            item[AuditItemAttributes.EventId] = new() { S = $"evt-{pk}" };
        }

        item["body"] = new() { S = new string('x', bytes - ItemSize.Of(item) - "body".Length) };
        return item;
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk = "R") => new()
    {
        ["pk"] = new() { S = pk },
        ["sk"] = new() { S = sk },
    };

    private static TransactWriteItemsRequest Transaction(string table, params Dictionary<string, AttributeValue>[] items) => new()
    {
        // Tokens are remembered across tables in the shared emulator: make them unique per table.
        ClientRequestToken = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(table + string.Join('|', items.Select(i => i["pk"].S)))).AsSpan(0, 16)).ToString(),
        TransactItems = items.Select(i => new TransactWriteItem { Put = new Put { TableName = table, Item = i, ConditionExpression = NotExists } }).ToList(),
    };

    private async Task<(IAmazonDynamoDB Client, CapacityMeter Meter, string Table)> CreateAsync()
    {
        var table = await dynamoDb.CreateTableAsync("meter");
        var meter = new CapacityMeter(new SocketsHttpHandler(), AuditTopology.Table);
        var injector = new FaultInjectingHandler(meter);
        var client = dynamoDb.CreateClient(injector);
        _disposables.AddRange([client, injector]);
        return (client, meter, table);
    }
}
