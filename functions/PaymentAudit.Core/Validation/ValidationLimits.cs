namespace PaymentAudit.Core.Validation;

/// <summary>Size limits of the contract. Defaults match <c>schema/audit-event.v1.schema.json</c>.</summary>
public sealed record ValidationLimits
{
    /// <summary>Largest accepted payload in UTF-8 bytes. Default 65,536.</summary>
    public int MaxEventBytes { get; init; } = 65_536;

    /// <summary>Most record ids in <c>query.recordIds</c>. Default 40.</summary>
    public int MaxQueryRecordIds { get; init; } = 40;

    /// <summary>Most record ids in <c>response.recordIds</c>. Default 50.</summary>
    public int MaxResponseRecordIds { get; init; } = 50;

    /// <summary>Longest identifier (ids, service names) in characters. Default 128.</summary>
    public int MaxIdentifierLength { get; init; } = 128;

    /// <summary>Longest free text (descriptions, reasons) in characters. Default 1,024.</summary>
    public int MaxTextLength { get; init; } = 1_024;

    /// <summary>The limits the published schema describes.</summary>
    public static ValidationLimits Default { get; } = new();
}
