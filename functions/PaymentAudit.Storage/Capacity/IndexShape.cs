using Amazon.DynamoDBv2;

namespace PaymentAudit.Storage.Capacity;

/// <summary>
/// A global secondary index as its cost sees it: its key attributes and what it projects. An index
/// entry holds the table's key, the index key and the projected attributes
/// (<see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.StorageConsiderations">GSI storage considerations</see>).
/// </summary>
/// <param name="Name">Index name.</param>
/// <param name="PartitionKey">Index partition key attribute.</param>
/// <param name="SortKey">Index sort key attribute, or null when the index has none.</param>
/// <param name="Projection"><c>KEYS_ONLY</c>, <c>INCLUDE</c> or <c>ALL</c>.</param>
/// <param name="NonKeyAttributes">With <c>INCLUDE</c>: the other attributes the index copies.</param>
public sealed record IndexShape(
    string Name,
    string PartitionKey,
    string? SortKey,
    ProjectionType Projection,
    IReadOnlyList<string> NonKeyAttributes)
{
    /// <summary>The index key attributes: the partition key, then the sort key if any.</summary>
    public IReadOnlyList<string> KeyAttributes => SortKey is null ? [PartitionKey] : [PartitionKey, SortKey];
}
