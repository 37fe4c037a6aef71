namespace PaymentAudit.Core.History;

/// <summary>
/// The history index's table of contents, rewritten by every indexer run: how far each chain is
/// indexed, and which segment files hold the rows. Readers trust only segments it lists.
/// </summary>
/// <param name="Format">Manifest format (<see cref="CurrentFormat"/>).</param>
/// <param name="Generation">Run counter: 1 for the first run.</param>
/// <param name="BuiltAt">When this run read the chains (sortable UTC).</param>
/// <param name="BucketCount">Key buckets per kind; fixed once the first segment is written.</param>
/// <param name="Watermarks">Per chain, the last indexed record.</param>
/// <param name="Segments">The current segments.</param>
public sealed record HistoryManifest(
    int Format,
    long Generation,
    string BuiltAt,
    int BucketCount,
    IReadOnlyList<ChainWatermark> Watermarks,
    IReadOnlyList<HistorySegment> Segments)
{
    /// <summary>The manifest format this release writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The manifest before any run.</summary>
    public static HistoryManifest Empty(int bucketCount) => new(CurrentFormat, 0, string.Empty, bucketCount, [], []);

    /// <summary>The last indexed record of <paramref name="chainId"/>, or null when none is.</summary>
    public ChainWatermark? WatermarkOf(string chainId) =>
        Watermarks.FirstOrDefault(w => string.Equals(w.ChainId, chainId, StringComparison.Ordinal));
}
