using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;
using PaymentAudit.Storage.Capacity;
using PaymentAudit.Testing.DynamoDb;

namespace PaymentAudit.Storage.Tests.Capacity;

[Collection(UsesDynamoDbLocal.Name)]
public sealed class StorageScanTests(DynamoDbLocalFixture dynamoDb)
{
    [Fact]
    public async Task MeasureAsync_AddsUpEveryItemAndIndexEntryWithTheirOverheads()
    {
        var table = await dynamoDb.CreateTableAsync("storage");
        using var client = dynamoDb.CreateClient();
        var shape = TableShape.From(AuditTopology.Table);
        var items = Enumerable.Range(0, 40).Select(i => new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = $"CHAIN#{i % 3}" },
            ["sk"] = new() { S = $"SEQ#{i:D12}" },
            ["body"] = new() { S = new string('b', 100 * i) },
        }).ToList();
        items[7][AuditItemAttributes.EventId] = new() { S = "evt-7" };
        foreach (var item in items)
        {
            await client.PutItemAsync(new PutItemRequest(table, item));
        }

        var storage = await StorageScan.MeasureAsync(client, table, shape);

        storage.ShouldBe(items.Aggregate(StorageFootprint.None, (total, item) => total.Add(shape.StorageOf(item))));
    }
}
