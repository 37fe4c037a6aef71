using PaymentAudit.Core.Chain;

namespace PaymentAudit.Local.Demos;

/// <summary>The outcome of a <see cref="TrailCheck"/>.</summary>
/// <param name="Stored">Accepted records.</param>
/// <param name="Quarantined">Rejected (quarantined) records.</param>
/// <param name="DeadLettered">Messages in the dead-letter queue.</param>
/// <param name="Missing">Sent messages not found in the table.</param>
/// <param name="Lost">Sent messages neither in the table nor in the dead-letter queue (by identity).</param>
/// <param name="Doubled">Messages stored more than once.</param>
/// <param name="Chains">Chains in the table.</param>
/// <param name="ChainsVerified">Chains that verified intact.</param>
/// <param name="Violations">Every finding of the chains that did not verify.</param>
/// <param name="StoredAndDeadLettered">Sent messages both in the table and in the dead-letter queue.</param>
/// <param name="Redacted">Records the writer stored with a card number masked (marked <c>redacted</c>; an event the client masked arrives clean).</param>
/// <param name="ClearCardNumbers">Records whose stored body holds a card number in the clear (must be none).</param>
public sealed record TrailCheckResult(
    long Stored,
    long Quarantined,
    long DeadLettered,
    long Missing,
    long Lost,
    long Doubled,
    int Chains,
    int ChainsVerified,
    IReadOnlyList<ChainViolation> Violations,
    long StoredAndDeadLettered,
    long Redacted,
    long ClearCardNumbers);
