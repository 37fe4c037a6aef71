namespace PaymentAudit.Storage;

/// <summary>One entry of the event index: an event id and the keys of the item it points at.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="PartitionKey">The item's partition key.</param>
/// <param name="SortKey">The item's sort key.</param>
public sealed record EventIndexEntry(string EventId, string PartitionKey, string SortKey);
