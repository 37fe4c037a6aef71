namespace PaymentAudit.Auditing.Exports;

/// <summary>Settings of <see cref="LocalTableExporter"/>.</summary>
public sealed record LocalExportOptions
{
    /// <summary>Scan segments read at once; each becomes one data file (as each partition does in a real export). Default 4.</summary>
    public int Segments { get; init; } = 4;

    /// <summary>Items per scan page. Default 1,000.</summary>
    public int PageSize { get; init; } = 1_000;
}
