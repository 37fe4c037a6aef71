namespace PaymentAudit.Auditing.Queries;

/// <summary>One chain as <c>chains</c> lists it.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="HeadSeq">Its last record (0 when it has none).</param>
/// <param name="HeadHash">That record's hash (64 zeros when none).</param>
/// <param name="LastWrite">When the last record was written (its <c>receivedAt</c>), or null.</param>
/// <param name="RegisteredAt">When the chain was listed.</param>
public sealed record ChainSummary(string ChainId, long HeadSeq, string HeadHash, string? LastWrite, string RegisteredAt);
