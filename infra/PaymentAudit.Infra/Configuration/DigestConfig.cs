namespace PaymentAudit.Infra.Configuration;

/// <summary>Settings of the digest Lambda and the schedule that runs it.</summary>
public sealed record DigestConfig
{
    /// <summary>Function memory in MiB (128-10240).</summary>
    public required int MemoryMiB { get; init; }

    /// <summary>
    /// Function timeout in seconds (1-900), at most the period: a run must end before the next one
    /// is due, because the function never runs twice at once.
    /// </summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>Retention of the digest function's log group; must be a value CloudWatch Logs accepts.</summary>
    public required int LogRetentionDays { get; init; }

    /// <summary>
    /// Minutes between two digests (10-720): the schedule's <c>rate(N minutes)</c> and the period
    /// written into every digest (PAYMENTAUDIT_DIGEST_PERIOD_SECONDS). Verification reports a gap
    /// longer than 1.5 periods as a missing digest; the digest-not-written alarm waits two periods.
    /// </summary>
    public required int PeriodMinutes { get; init; }
}
