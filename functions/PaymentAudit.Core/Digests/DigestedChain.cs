namespace PaymentAudit.Core.Digests;

/// <summary>One chain's head in a digest.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Seq">Its last record when the digest was made (0: listed, no record yet).</param>
/// <param name="Hash">That record's hash.</param>
/// <param name="Moved">True when the head differs from the previous digest's (or the chain is new).</param>
public sealed record DigestedChain(string ChainId, long Seq, string Hash, bool Moved);
