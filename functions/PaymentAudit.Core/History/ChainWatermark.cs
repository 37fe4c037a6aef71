namespace PaymentAudit.Core.History;

/// <summary>How far a chain is indexed: its last indexed record. Also a commitment verification checks.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Seq">Last indexed record.</param>
/// <param name="Hash">That record's hash.</param>
public sealed record ChainWatermark(string ChainId, long Seq, string Hash);
