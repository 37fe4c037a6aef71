namespace PaymentAudit.Core.Chain;

/// <summary>What <see cref="ChainVerifier"/> checks beyond tamper evidence.</summary>
public sealed record ChainVerifierOptions
{
    /// <summary>The defaults: tamper evidence only.</summary>
    public static ChainVerifierOptions Default { get; } = new();

    /// <summary>
    /// Also validate every stored event against today's contract, and report one that no longer
    /// satisfies it. Default <c>false</c>: the writer validated each event before storing it, and the
    /// recomputed hash proves the body unchanged since, so re-validating finds no tampering that the
    /// hash, the links and the signed digests do not; it finds events that today's rules (a stricter
    /// card-number guard, say) would refuse. Turn it on for that audit of content; it makes
    /// verification several times slower.
    /// </summary>
    public bool RevalidateContract { get; init; }
}
