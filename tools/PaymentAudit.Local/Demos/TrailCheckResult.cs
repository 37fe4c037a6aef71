using PaymentAudit.Core.Chain;

namespace PaymentAudit.Local.Demos;

/// <summary>The outcome of a <see cref="TrailCheck"/>.</summary>
/// <param name="Stored">Accepted records.</param>
/// <param name="Quarantined">Rejected (quarantined) records.</param>
/// <param name="DeadLettered">Messages in the dead-letter queue.</param>
/// <param name="Missing">Sent messages not found in the table.</param>
/// <param name="Lost">Missing messages the dead-letter queue does not account for.</param>
/// <param name="Doubled">Messages stored more than once.</param>
/// <param name="Chains">Chains in the table.</param>
/// <param name="ChainsVerified">Chains that verified intact.</param>
/// <param name="Violations">Every finding of the chains that did not verify.</param>
public sealed record TrailCheckResult(
    long Stored,
    long Quarantined,
    long DeadLettered,
    long Missing,
    long Lost,
    long Doubled,
    int Chains,
    int ChainsVerified,
    IReadOnlyList<ChainViolation> Violations);
