namespace PaymentAudit.Core.History;

/// <summary>Settings of the history indexer.</summary>
public sealed record HistoryIndexerOptions
{
    /// <summary>Key buckets per index kind for a new index. Default 32; an existing index keeps its own.</summary>
    public int BucketCount { get; init; } = 32;

    /// <summary>Object key prefix of segment files. Default <c>history/</c>.</summary>
    public string SegmentPrefix { get; init; } = "history/";

    /// <summary>Chains read at once. Default 8.</summary>
    public int ParallelChains { get; init; } = 8;
}
