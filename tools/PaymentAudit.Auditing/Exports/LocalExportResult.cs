namespace PaymentAudit.Auditing.Exports;

/// <summary>What <see cref="LocalTableExporter"/> wrote.</summary>
/// <param name="Location">The location written to.</param>
/// <param name="SummaryPath">The path of the export's <c>manifest-summary.json</c> below <paramref name="Location"/>.</param>
/// <param name="ExportId">The export id.</param>
/// <param name="ExportTime">The export time the summary gives (when the scan started, to the millisecond).</param>
/// <param name="Items">Items written.</param>
/// <param name="DataFiles">Data files written.</param>
public sealed record LocalExportResult(ExportLocation Location, string SummaryPath, string ExportId, DateTimeOffset ExportTime, long Items, int DataFiles);
