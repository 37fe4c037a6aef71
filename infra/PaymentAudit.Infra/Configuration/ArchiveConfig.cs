namespace PaymentAudit.Infra.Configuration;

/// <summary>Object-Locked archive bucket, the export staging bucket and the scheduled table exports.</summary>
public sealed record ArchiveConfig
{
    /// <summary>
    /// Object Lock default retention mode of the archive bucket; <see cref="LockMode.None"/> keeps
    /// Object Lock enabled on the bucket but sets no default retention, so the bucket can be emptied.
    /// </summary>
    public required LockMode ObjectLockMode { get; init; }

    /// <summary>Object Lock default retention in days; null exactly when the mode is <see cref="LockMode.None"/>.</summary>
    public required int? ObjectLockRetentionDays { get; init; }

    /// <summary>
    /// Days after which export copies and quarantined payloads in the archive move to S3 Glacier
    /// Flexible Retrieval. The history index stays in S3 Standard, because it is read on every query.
    /// </summary>
    public required int GlacierTransitionDays { get; init; }

    /// <summary>
    /// Days an export stays in the staging bucket after S3 replication has copied it into the
    /// archive (at least 7): long enough to repeat a copy that the export-copy alarm reported.
    /// </summary>
    public required int ExportStagingRetentionDays { get; init; }

    /// <summary>Days the server access logs of the archive bucket are kept.</summary>
    public required int AccessLogRetentionDays { get; init; }

    /// <summary>
    /// Daily EventBridge Scheduler cron expression (UTC) of the incremental export, e.g.
    /// <c>cron(30 2 * * ? *)</c>. Each run exports the changes of the previous UTC day, so the
    /// expression must fire once a day, at 01:00 UTC or later.
    /// </summary>
    public required string IncrementalExportSchedule { get; init; }

    /// <summary>
    /// EventBridge Scheduler expression (UTC) of the periodic full export, e.g. <c>cron(0 4 1 * ? *)</c>
    /// (monthly). Each run exports the table as of 00:00 UTC of its scheduled day, the same instant an
    /// incremental window starts, so a full export plus the later incrementals rebuild the table.
    /// </summary>
    public required string FullExportSchedule { get; init; }
}
