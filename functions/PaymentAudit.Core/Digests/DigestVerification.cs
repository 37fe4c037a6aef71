using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Digests;

/// <summary>What verifying a sequence of digests found.</summary>
/// <param name="Digests">Digests read.</param>
/// <param name="Verified">Digests whose signature, form, key and link all hold.</param>
/// <param name="Violations">Findings; a digest-level one names the digest's key in its chain id position.</param>
/// <param name="Commitments">Per chain, every distinct head a verified digest committed, with the digest that committed it first.</param>
/// <param name="LatestHeads">Per chain, the head in the latest verified digest (records after it are undigested).</param>
public sealed record DigestVerification(
    int Digests,
    int Verified,
    IReadOnlyList<ChainViolation> Violations,
    IReadOnlyDictionary<string, IReadOnlyList<ChainCommitment>> Commitments,
    IReadOnlyDictionary<string, long> LatestHeads)
{
    /// <summary>The commitments of <paramref name="chainId"/> (none when no digest names it).</summary>
    public IReadOnlyList<ChainCommitment> For(string chainId) => Commitments.GetValueOrDefault(chainId) ?? [];
}
