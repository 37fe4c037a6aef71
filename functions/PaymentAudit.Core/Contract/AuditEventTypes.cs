namespace PaymentAudit.Core.Contract;

/// <summary>The event types the contract names. Other dotted lowercase types are accepted too.</summary>
public static class AuditEventTypes
{
    /// <summary>A query over payment records.</summary>
    public const string RecordsQueried = "payment.records.queried";

    /// <summary>One payment record was displayed or read.</summary>
    public const string RecordViewed = "payment.record.viewed";

    /// <summary>A payment was processed; requires <see cref="AuditEvent.Payment"/>.</summary>
    public const string PaymentProcessed = "payment.processed";
}
