using PaymentAudit.Core.Validation;

namespace PaymentAudit.Client;

/// <summary>
/// An event was refused before sending because it breaks the audit event contract (schema, size
/// limit, or a card number where it cannot be masked: in the event id). A card number anywhere else
/// is masked and the event sent. The reason names the field and rule and never echoes a value; an
/// event id holding a card number is given masked.
/// </summary>
public sealed class AuditEventRejectedException : Exception
{
    /// <summary>Creates the exception for <paramref name="eventId"/> refused with <paramref name="rejection"/>.</summary>
    public AuditEventRejectedException(string eventId, Rejection rejection)
        : base($"Audit event '{eventId}' was rejected before sending: {rejection?.CodeName}: {rejection?.Reason}")
    {
        ArgumentNullException.ThrowIfNull(rejection);
        EventId = eventId;
        Rejection = rejection;
    }

    /// <summary>Creates the exception (for serializers and tools).</summary>
    public AuditEventRejectedException()
        : this("unknown", new Rejection(RejectionCode.InvalidField, "unspecified"))
    {
    }

    /// <summary>Creates the exception with a message (for serializers and tools).</summary>
    public AuditEventRejectedException(string message)
        : base(message)
    {
        EventId = "unknown";
        Rejection = new Rejection(RejectionCode.InvalidField, message);
    }

    /// <summary>Creates the exception with a message and cause (for serializers and tools).</summary>
    public AuditEventRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        EventId = "unknown";
        Rejection = new Rejection(RejectionCode.InvalidField, message);
    }

    /// <summary>The id of the refused event (card numbers in it masked).</summary>
    public string EventId { get; }

    /// <summary>Why it was refused: the validator's code and reason.</summary>
    public Rejection Rejection { get; }
}
