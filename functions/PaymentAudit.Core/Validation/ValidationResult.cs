using System.Diagnostics.CodeAnalysis;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// The outcome of validating one payload: an event (with the card numbers it carried masked), or
/// a rejection with its reason.
/// </summary>
public sealed class ValidationResult
{
    private ValidationResult(AuditEvent? auditEvent, Rejection? rejection, IReadOnlyList<string> redactions)
    {
        Event = auditEvent;
        Rejection = rejection;
        Redactions = redactions;
    }

    /// <summary>The parsed event when valid; card numbers in it are masked (see <see cref="Redactions"/>).</summary>
    public AuditEvent? Event { get; }

    /// <summary>The reason when invalid.</summary>
    public Rejection? Rejection { get; }

    /// <summary>
    /// Paths of the fields of <see cref="Event"/> whose card numbers were masked, e.g.
    /// <c>query.description</c>, <c>origin.requestId</c>, <c>query.recordIds[2]</c>. Empty when
    /// nothing was masked, and always empty for an invalid result. Paths name fields, never values.
    /// </summary>
    public IReadOnlyList<string> Redactions { get; }

    /// <summary>True when <see cref="Event"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Event is not null;

    /// <summary>A valid result with nothing masked.</summary>
    public static ValidationResult Valid(AuditEvent auditEvent) => new(auditEvent, null, []);

    /// <summary>An invalid result.</summary>
    public static ValidationResult Invalid(RejectionCode code, string reason) => new(null, new Rejection(code, reason), []);

    /// <summary>A valid result whose event had the fields <paramref name="redactions"/> masked.</summary>
    internal static ValidationResult Valid(AuditEvent auditEvent, IReadOnlyList<string> redactions) => new(auditEvent, null, redactions);

    /// <summary>An invalid result.</summary>
    internal static ValidationResult Invalid(Rejection rejection) => new(null, rejection, []);
}
