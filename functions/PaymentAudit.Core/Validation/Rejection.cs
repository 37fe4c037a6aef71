namespace PaymentAudit.Core.Validation;

/// <summary>A specific, actionable reason an event was refused. Never echoes field values.</summary>
/// <param name="Code">Machine-readable category.</param>
/// <param name="Reason">What is wrong and where, for a person to fix.</param>
public sealed record Rejection(RejectionCode Code, string Reason)
{
    /// <summary>The code in the snake_case form used in stored records and metrics.</summary>
    public string CodeName => Code switch
    {
        RejectionCode.NotJson => "not_json",
        RejectionCode.NotAnObject => "not_an_object",
        RejectionCode.MissingField => "missing_field",
        RejectionCode.InvalidField => "invalid_field",
        RejectionCode.UnknownField => "unknown_field",
        RejectionCode.DuplicateField => "duplicate_field",
        RejectionCode.InvalidTimestamp => "invalid_timestamp",
        RejectionCode.UnsupportedSchemaVersion => "unsupported_schema_version",
        RejectionCode.Oversize => "oversize",
        RejectionCode.ForbiddenContent => "forbidden_content",
        RejectionCode.ConflictingDuplicate => "conflicting_duplicate",
        _ => throw new InvalidOperationException($"Unmapped rejection code {Code}."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{CodeName}: {Reason}";
}
