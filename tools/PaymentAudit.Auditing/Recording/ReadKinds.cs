namespace PaymentAudit.Auditing.Recording;

/// <summary>
/// Event types of the audit events the auditor's commands record about themselves (PCI DSS v4.0
/// 10.2.1.3: access to audit logs is itself logged).
/// </summary>
public static class ReadKinds
{
    /// <summary>The trail was queried (an actor, a payment record, an event, the chain list).</summary>
    public const string TrailQueried = "audit.trail.queried";

    /// <summary>The trail was verified.</summary>
    public const string TrailVerified = "audit.trail.verified";

    /// <summary>The dead-letter queue was read.</summary>
    public const string DeadLettersRead = "audit.dlq.read";

    /// <summary>Dead-lettered messages were moved back to the audit queue.</summary>
    public const string DeadLettersRedriven = "audit.dlq.redriven";
}
