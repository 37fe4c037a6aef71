namespace PaymentAudit.Core.History;

/// <summary>One segment file of the history index, as the manifest lists it.</summary>
/// <param name="Kind">Which index.</param>
/// <param name="Bucket">Which key bucket (<see cref="HistoryBuckets"/>).</param>
/// <param name="Level">0: written by one indexer run; 1: one UTC day's level-0 segments merged; 2: one month's level-1 segments merged.</param>
/// <param name="Period">What it covers by build time: the run's generation (level 0), <c>yyyy-MM-dd</c> (level 1) or <c>yyyy-MM</c> (level 2).</param>
/// <param name="ObjectKey">Where it is stored.</param>
/// <param name="Rows">How many rows it holds.</param>
/// <param name="MinTimestamp">Earliest row time, so a query skips segments outside its window.</param>
/// <param name="MaxTimestamp">Latest row time.</param>
/// <param name="Sha256">SHA-256 of the stored bytes, checked on every read.</param>
/// <param name="BuiltAt">When the segment's rows were indexed (the latest run, for a merged segment).</param>
public sealed record HistorySegment(
    HistoryKind Kind,
    int Bucket,
    int Level,
    string Period,
    string ObjectKey,
    long Rows,
    string MinTimestamp,
    string MaxTimestamp,
    string Sha256,
    string BuiltAt)
{
    /// <summary>True when the segment may hold rows between <paramref name="from"/> and <paramref name="to"/> (sortable UTC, inclusive; null = open).</summary>
    public bool Overlaps(string? from, string? to) =>
        (from is null || string.CompareOrdinal(MaxTimestamp, from) >= 0)
        && (to is null || string.CompareOrdinal(MinTimestamp, to) <= 0);
}
