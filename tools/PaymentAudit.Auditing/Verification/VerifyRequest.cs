using PaymentAudit.Core.Digests;

namespace PaymentAudit.Auditing.Verification;

/// <summary>What to verify.</summary>
/// <param name="ChainIds">The chains to verify; empty for every chain.</param>
/// <param name="FromSeq">Start each chain at this sequence number (1: from the beginning).</param>
/// <param name="Parallel">Chains verified at once.</param>
public sealed record VerifyRequest(IReadOnlyList<string> ChainIds, long FromSeq = 1, int Parallel = 4)
{
    /// <summary>
    /// True when the whole trail is verified: only then are the structures that span chains (the
    /// event index, the history index, the chain directory) checked in both directions.
    /// </summary>
    public bool IsWhole => ChainIds.Count == 0 && FromSeq <= 1;

    /// <summary>
    /// Verified digests to hold every chain to (<c>verify --digests</c>): each head they commit must
    /// still be in the table, records after the latest digest are counted as undigested, and a chain
    /// a digest names must still be listed. Null: digests are not checked.
    /// </summary>
    public DigestVerification? Digests { get; init; }
}
