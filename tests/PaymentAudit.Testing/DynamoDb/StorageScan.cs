using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>Measures what a table stores, as DynamoDB bills storage: every item and index entry, with their overheads.</summary>
public static class StorageScan
{
    /// <summary>
    /// Parallel scan segments. DynamoDB Local slows down with every page a long scan pages through
    /// (a table of 300 KB items took 32 s in one segment, 5 s in 16), so the table is read in short runs.
    /// </summary>
    private const int Segments = 16;

    /// <summary>
    /// Scans <paramref name="tableName"/> and adds up each item's <see cref="TableShape.StorageOf"/>.
    /// Use a client without a <see cref="CapacityMeter"/>: the scan is the measurement, not the workload.
    /// </summary>
    public static async Task<StorageFootprint> MeasureAsync(IAmazonDynamoDB client, string tableName, TableShape shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(shape);
        var segments = await Task.WhenAll(Enumerable.Range(0, Segments).Select(segment => MeasureSegmentAsync(client, tableName, shape, segment, cancellationToken)));
        return segments.Aggregate(StorageFootprint.None, (total, segment) => total.Add(segment));
    }

    private static async Task<StorageFootprint> MeasureSegmentAsync(IAmazonDynamoDB client, string tableName, TableShape shape, int segment, CancellationToken cancellationToken)
    {
        var total = StorageFootprint.None;
        var request = new ScanRequest { TableName = tableName, ConsistentRead = true, Segment = segment, TotalSegments = Segments };
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
