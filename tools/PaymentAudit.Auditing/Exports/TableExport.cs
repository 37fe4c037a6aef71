using System.Globalization;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// One export as its <c>manifest-summary.json</c> describes it, and where it was found:
/// <c>&lt;base&gt;/AWSDynamoDB/&lt;export id&gt;/manifest-summary.json</c> below <see cref="Location"/>.
/// </summary>
public sealed record TableExport
{
    /// <summary>The location it was found in.</summary>
    public required ExportLocation Location { get; init; }

    /// <summary>The path of its <c>manifest-summary.json</c> below <see cref="Location"/>.</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The path below <see cref="Location"/> that holds its <c>AWSDynamoDB/</c> folder (the export prefix; empty at the root).</summary>
    public required string BasePath { get; init; }

    /// <summary>The export id: the name of the folder holding the manifests.</summary>
    public required string ExportId { get; init; }

    /// <summary>Full or incremental (<c>exportType</c>; a summary without one is a full export).</summary>
    public required ExportKind Kind { get; init; }

    /// <summary><c>exportArn</c>, when given.</summary>
    public string? ExportArn { get; init; }

    /// <summary><c>tableArn</c>, when given.</summary>
    public string? TableArn { get; init; }

    /// <summary><c>exportTime</c>: the point in time a full export shows the table at.</summary>
    public DateTimeOffset? ExportTime { get; init; }

    /// <summary><c>exportFromTime</c> of an incremental export (inclusive).</summary>
    public DateTimeOffset? FromTime { get; init; }

    /// <summary><c>exportToTime</c> of an incremental export (exclusive).</summary>
    public DateTimeOffset? ToTime { get; init; }

    /// <summary>The view type of an incremental export (<c>NEW_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>), when given.</summary>
    public string? ViewType { get; init; }

    /// <summary><c>itemCount</c>: the rows in all its data files.</summary>
    public required long ItemCount { get; init; }

    /// <summary><c>manifestFilesS3Key</c>, as written by DynamoDB.</summary>
    public required string ManifestFilesKey { get; init; }

    /// <summary><c>s3Prefix</c> the export was written under, when given.</summary>
    public string? S3Prefix { get; init; }

    /// <summary>Where the table stands once this export is applied: the export time of a full export, the end of an incremental one's window.</summary>
    public DateTimeOffset CoversTo => Kind == ExportKind.Full ? ExportTime!.Value : ToTime!.Value;

    /// <summary>Where it starts: the export time of a full export, the start of an incremental one's window.</summary>
    public DateTimeOffset CoversFrom => Kind == ExportKind.Full ? ExportTime!.Value : FromTime!.Value;

    /// <summary>E.g. <c>full export 01795392000000-3f2a9c1d at 2026-11-23T00:00:00.000Z</c>.</summary>
    public override string ToString() => Kind == ExportKind.Full
        ? $"full export {ExportId} at {Format(CoversTo)}"
        : $"incremental export {ExportId} from {Format(CoversFrom)} to {Format(CoversTo)}";

    /// <summary>An instant as manifests write it: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    internal static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
}
