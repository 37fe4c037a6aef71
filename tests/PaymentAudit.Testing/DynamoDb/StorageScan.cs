using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>Measures what a table stores, as DynamoDB bills storage: every item and index entry, with their overheads.</summary>
public static class StorageScan
{
    /// <summary>
    /// Scans <paramref name="tableName"/> and adds up each item's <see cref="TableShape.StorageOf"/>.
    /// Use a client without a <see cref="CapacityMeter"/>: the scan is the measurement, not the workload.
    /// </summary>
    public static async Task<StorageFootprint> MeasureAsync(IAmazonDynamoDB client, string tableName, TableShape shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(shape);
        var total = StorageFootprint.None;
        var request = new ScanRequest { TableName = tableName, ConsistentRead = true };
        do
        {
            var page = await client.ScanAsync(request, cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                total = total.Add(shape.StorageOf(item));
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return total;
    }
}
