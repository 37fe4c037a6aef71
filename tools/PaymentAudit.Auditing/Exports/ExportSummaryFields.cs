namespace PaymentAudit.Auditing.Exports;

/// <summary>What <see cref="ExportWriter"/> puts in a summary manifest besides the counts it keeps itself.</summary>
internal sealed record ExportSummaryFields
{
    /// <summary>Full or incremental.</summary>
    public required ExportKind Kind { get; init; }

    /// <summary>A full export's point in time, or an incremental export's <c>exportFromTime</c>.</summary>
    public required DateTimeOffset ExportTime { get; init; }

    /// <summary>An incremental export's <c>exportToTime</c>.</summary>
    public DateTimeOffset? ExportToTime { get; init; }

    /// <summary>When the export job started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>The table's ARN, when known.</summary>
    public string? TableArn { get; init; }

    /// <summary>The table's id, when known.</summary>
    public string? TableId { get; init; }

    /// <summary>The uncompressed size of the exported items.</summary>
    public long BilledSizeBytes { get; init; }

    /// <summary>An incremental export's view type.</summary>
    public string? ViewType { get; init; }
}
