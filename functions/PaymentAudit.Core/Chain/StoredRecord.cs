namespace PaymentAudit.Core.Chain;

/// <summary>A chain record as read back from storage, with the position its keys give it.</summary>
/// <param name="KeyChainId">Chain id taken from the item's partition key.</param>
/// <param name="KeySeq">Sequence number taken from the item's sort key.</param>
/// <param name="Record">The stored attributes.</param>
public sealed record StoredRecord(string KeyChainId, long KeySeq, ChainRecord Record);
