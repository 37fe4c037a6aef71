using System.Diagnostics.CodeAnalysis;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Validation;

/// <summary>The outcome of validating one payload: an event, or a rejection with its reason.</summary>
public sealed class ValidationResult
{
    private ValidationResult(AuditEvent? auditEvent, Rejection? rejection)
    {
        Event = auditEvent;
        Rejection = rejection;
    }

    /// <summary>The parsed event when valid.</summary>
    public AuditEvent? Event { get; }

    /// <summary>The reason when invalid.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when <see cref="Event"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Event is not null;

    /// <summary>A valid result.</summary>
    public static ValidationResult Valid(AuditEvent auditEvent) => new(auditEvent, null);

    /// <summary>An invalid result.</summary>
    public static ValidationResult Invalid(RejectionCode code, string reason) => new(null, new Rejection(code, reason));

    /// <summary>An invalid result.</summary>
    internal static ValidationResult Invalid(Rejection rejection) => new(null, rejection);
}
