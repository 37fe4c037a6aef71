using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;
using PaymentAudit.Testing.DynamoDb;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// Measures how many items per second the running DynamoDB Local accepts through the two write
/// shapes the harness compares: one conditional PutItem per item (the baseline's shape) and
/// conditional TransactWriteItems (the writer's shape). The two rates bound what any design that
/// stores each event as its own item inside a transaction can reach against the baseline here.
/// </summary>
internal sealed class DynamoDbCapacityProbe(DynamoDbLocalFixture fixture, int concurrency)
{
    private static readonly string RecordSizedText = new('r', 1_000);

    /// <summary>Conditional single-item PutItem requests, items/s.</summary>
    public Task<double> MeasurePutItemsAsync(int items, CancellationToken cancellationToken) =>
        MeasureAsync("probe-put", items, async (client, table, next) =>
        {
            await client.PutItemAsync(
                new PutItemRequest { TableName = table, Item = Item(next(), recordSized: true), ConditionExpression = "attribute_not_exists(pk)" },
                cancellationToken);
            return 1;
        });

    /// <summary>
    /// Conditional TransactWriteItems of <paramref name="itemsPerTransaction"/> items, one in
    /// <paramref name="itemsPerRecord"/> of them record-sized and carrying the actor index keys
    /// (the writer's mix), items/s.
    /// </summary>
    public Task<double> MeasureTransactionItemsAsync(int items, int itemsPerTransaction, int itemsPerRecord, CancellationToken cancellationToken) =>
        MeasureAsync("probe-transact", items, async (client, table, next) =>
        {
            var actions = new List<TransactWriteItem>(itemsPerTransaction);
            for (var i = 0; i < itemsPerTransaction; i++)
            {
                actions.Add(new TransactWriteItem
                {
                    Put = new Put { TableName = table, Item = Item(next(), recordSized: i % itemsPerRecord == 0), ConditionExpression = "attribute_not_exists(pk)" },
                });
            }

            await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = actions }, cancellationToken);
            return itemsPerTransaction;
        });

    private async Task<double> MeasureAsync(
        string tablePrefix, int items, Func<IAmazonDynamoDB, string, Func<int>, Task<int>> write)
    {
        var table = await fixture.CreateTableAsync(tablePrefix);
        using var client = fixture.CreateClient();
        var key = 0;
        var written = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref written) < items)
            {
                Interlocked.Add(ref written, await write(client, table, () => Interlocked.Increment(ref key)));
            }
        })));
        return written / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static Dictionary<string, AttributeValue> Item(int key, bool recordSized)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [AuditItemAttributes.PartitionKey] = new() { S = $"PROBE#{key:D9}" },
            [AuditItemAttributes.SortKey] = new() { S = "ITEM" },
            [AuditItemAttributes.ChainId] = new() { S = "probe" },
        };
        if (recordSized)
        {
            item[AuditItemAttributes.Body] = new() { S = RecordSizedText };
            item[AuditItemAttributes.UserId] = new() { S = $"user-{key % 50:D3}" };
            item[AuditItemAttributes.Timestamp] = new() { S = "2026-11-23T10:00:00.000Z" };
        }

        return item;
    }
}
