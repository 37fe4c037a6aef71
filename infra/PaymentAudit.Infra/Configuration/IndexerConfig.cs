namespace PaymentAudit.Infra.Configuration;

/// <summary>Settings of the history indexer Lambda and the schedule that runs it.</summary>
public sealed record IndexerConfig
{
    /// <summary>Function memory in MiB (128-10240).</summary>
    public required int MemoryMiB { get; init; }

    /// <summary>
    /// Function timeout in seconds (1-900), at most the schedule's period: a run must end before the
    /// next one is due, because the function never runs twice at once.
    /// </summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>Retention of the indexer's log group; must be a value CloudWatch Logs accepts.</summary>
    public required int LogRetentionDays { get; init; }

    /// <summary>
    /// EventBridge Scheduler rate expression (UTC) of the runs, e.g. <c>rate(15 minutes)</c>: from
    /// 1 minute to 12 hours, in minutes or hours. The index-not-advancing alarm waits two periods.
    /// </summary>
    public required string Schedule { get; init; }

    /// <summary>
    /// Key buckets per kind of a new history index (PAYMENTAUDIT_HISTORY_BUCKETS, 1-256). An index
    /// that already exists keeps the count it was created with.
    /// </summary>
    public required int HistoryBuckets { get; init; }
}
