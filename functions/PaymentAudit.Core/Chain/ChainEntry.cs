using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// One message ready to be linked into its chain: a valid event, or a quarantined payload with the
/// reason it was refused (a contract violation, or an event id reused for different content).
/// </summary>
public sealed record ChainEntry
{
    private ChainEntry(
        string messageId,
        AuditEvent? auditEvent,
        string? eventHash,
        IReadOnlyList<string> redactions,
        Rejection? rejection,
        QuarantinedPayload? payload,
        DuplicateOf? duplicateOf)
    {
        MessageId = messageId;
        Event = auditEvent;
        EventHash = eventHash;
        Redactions = redactions;
        Rejection = rejection;
        Payload = payload;
        DuplicateOf = duplicateOf;
    }

    /// <summary>The queue message id: provenance, and how a redelivery of a quarantined message is recognised.</summary>
    public string MessageId { get; }

    /// <summary>The event, when accepted.</summary>
    public AuditEvent? Event { get; }

    /// <summary>
    /// SHA-256 of the event's canonical JSON: of the accepted event, or of the refused content of a
    /// conflicting duplicate. Null for other quarantined messages.
    /// </summary>
    public string? EventHash { get; }

    /// <summary>Paths of fields whose card numbers the validator masked (accepted events only).</summary>
    public IReadOnlyList<string> Redactions { get; }

    /// <summary>Why it was refused, when quarantined.</summary>
    public Rejection? Rejection { get; }

    /// <summary>What is kept of the refused message (card numbers masked, bounded preview), when quarantined.</summary>
    public QuarantinedPayload? Payload { get; }

    /// <summary>For a conflicting duplicate: the stored event whose id it reuses.</summary>
    public DuplicateOf? DuplicateOf { get; }

    /// <summary>True for an accepted event.</summary>
    public bool IsAccepted => Event is not null;

    /// <summary>An accepted event; <paramref name="redactions"/> lists the fields whose card numbers were masked.</summary>
    public static ChainEntry Accepted(string messageId, AuditEvent auditEvent, IReadOnlyList<string>? redactions = null)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return new(messageId, auditEvent, EventHasher.Compute(auditEvent), redactions ?? [], null, null, null);
    }

    /// <summary>A quarantined payload; card numbers in it are masked here, before anything stores it.</summary>
    public static ChainEntry Quarantined(string messageId, Rejection rejection, string rawPayload)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(messageId, null, null, [], rejection, QuarantinedPayload.From(rawPayload), null);
    }

    /// <summary>
    /// A valid event whose id is already stored with other content: quarantined with both content
    /// hashes and where the original is, so the repeat is neither stored as a second event nor dropped.
    /// </summary>
    public static ChainEntry ConflictingDuplicate(ChainEntry accepted, DuplicateOf original, string rawPayload)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(original);
        if (!accepted.IsAccepted)
        {
            throw new ArgumentException("Only an accepted event can be a conflicting duplicate.", nameof(accepted));
        }

        var rejection = new Rejection(
            RejectionCode.ConflictingDuplicate,
            $"event id is already stored at chain '{original.ChainId}' seq {original.Seq} with different content; a repeated event id must repeat the same event");
        return new(accepted.MessageId, null, accepted.EventHash, [], rejection, QuarantinedPayload.From(rawPayload), original);
    }

    /// <summary>Validates <paramref name="payload"/> and returns the entry to link.</summary>
    public static ChainEntry FromMessage(string messageId, string payload, AuditEventValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(payload);
        return result.IsValid ? Accepted(messageId, result.Event, result.Redactions) : Quarantined(messageId, result.Rejection, payload);
    }
}
