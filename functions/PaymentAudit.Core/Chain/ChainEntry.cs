using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// One message ready to be linked into its chain: either a valid event or a quarantined payload
/// with its rejection. <see cref="GuardKey"/> makes storing it idempotent.
/// </summary>
public sealed record ChainEntry
{
    private ChainEntry(string messageId, AuditEvent? auditEvent, Rejection? rejection, QuarantinedPayload? payload)
    {
        MessageId = messageId;
        Event = auditEvent;
        Rejection = rejection;
        Payload = payload;
        References = auditEvent is null ? [] : ChainLinker.References(auditEvent);
    }

    /// <summary>The queue message id (provenance; also the guard of quarantined entries).</summary>
    public string MessageId { get; }

    /// <summary>The event, when accepted.</summary>
    public AuditEvent? Event { get; }

    /// <summary>The reason, when rejected.</summary>
    public Rejection? Rejection { get; }

    /// <summary>What is stored of the raw payload, when rejected: card numbers masked, truncated if huge.</summary>
    public QuarantinedPayload? Payload { get; }

    /// <summary>Payment records the event touched (none for a rejected entry); each gets an index item.</summary>
    public IReadOnlyList<RecordReference> References { get; }

    /// <summary>Items the store writes for this entry: the record, its guard and one index item per reference.</summary>
    public int ItemCount => 2 + References.Count;

    /// <summary>The stored payload text (card numbers masked), when rejected.</summary>
    public string? MaskedPayload => Payload?.Text;

    /// <summary>
    /// Key of the idempotency guard: the event id for accepted events; the message id for
    /// quarantined ones, so a corrected event resent under the same event id is still stored.
    /// </summary>
    public string GuardKey => Event is not null ? $"EVENT#{Event.EventId}" : $"MESSAGE#{MessageId}";

    /// <summary>An accepted event.</summary>
    public static ChainEntry Accepted(string messageId, AuditEvent auditEvent) =>
        new(messageId, auditEvent ?? throw new ArgumentNullException(nameof(auditEvent)), null, null);

    /// <summary>A quarantined payload; card numbers in it are masked here, before anything stores it.</summary>
    public static ChainEntry Quarantined(string messageId, Rejection rejection, string rawPayload) =>
        new(messageId, null, rejection ?? throw new ArgumentNullException(nameof(rejection)), QuarantinedPayload.From(rawPayload));

    /// <summary>Validates <paramref name="payload"/> and returns the entry to link.</summary>
    public static ChainEntry FromMessage(string messageId, string payload, AuditEventValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(payload);
        return result.IsValid ? Accepted(messageId, result.Event) : Quarantined(messageId, result.Rejection, payload);
    }
}
