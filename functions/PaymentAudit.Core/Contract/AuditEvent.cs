namespace PaymentAudit.Core.Contract;

/// <summary>
/// One audit event as applications send it: who did what to which payment records, when, from
/// where, and with what result (PCI DSS v4.0 requirement 10.2.2). Serialized as one JSON object
/// per queue message, described by <c>schema/audit-event.v1.schema.json</c>.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>Contract version. Only <see cref="CurrentSchemaVersion"/> is accepted.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Contract version of this event.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Client-generated unique id; the idempotency and deduplication key.</summary>
    public required string EventId { get; init; }

    /// <summary>Dotted event type, e.g. <see cref="AuditEventTypes.RecordViewed"/>.</summary>
    public required string EventType { get; init; }

    /// <summary>When the access happened, RFC 3339 in UTC (<c>Z</c>).</summary>
    public required string OccurredAt { get; init; }

    /// <summary>Who performed the access.</summary>
    public required Actor Actor { get; init; }

    /// <summary>Where the access came from.</summary>
    public required Origin Origin { get; init; }

    /// <summary>What was asked for, when the event is an access.</summary>
    public QueryDetails? Query { get; init; }

    /// <summary>What was returned, when the event is an access.</summary>
    public ResponseDetails? Response { get; init; }

    /// <summary>Success, failure or denial of the access.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The processed payment, for <see cref="AuditEventTypes.PaymentProcessed"/> events.</summary>
    public PaymentDetails? Payment { get; init; }
}
