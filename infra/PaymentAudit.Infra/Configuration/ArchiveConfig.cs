namespace PaymentAudit.Infra.Configuration;

/// <summary>Object-Locked archive bucket and the scheduled table export into it.</summary>
public sealed record ArchiveConfig
{
    /// <summary>
    /// Object Lock default retention mode of the archive bucket; <see cref="LockMode.None"/> keeps
    /// Object Lock enabled on the bucket but sets no default retention, so the bucket can be emptied.
    /// </summary>
    public required LockMode ObjectLockMode { get; init; }

    /// <summary>Object Lock default retention in days; null exactly when the mode is <see cref="LockMode.None"/>.</summary>
    public required int? ObjectLockRetentionDays { get; init; }

    /// <summary>Days after which archive objects move to S3 Glacier Flexible Retrieval.</summary>
    public required int GlacierTransitionDays { get; init; }

    /// <summary>Days the server access logs of the archive bucket are kept.</summary>
    public required int AccessLogRetentionDays { get; init; }

    /// <summary>EventBridge Scheduler expression (UTC) of the table export, e.g. <c>cron(30 2 * * ? *)</c>.</summary>
    public required string ExportSchedule { get; init; }
}
