namespace PaymentAudit.Infra.Configuration;

/// <summary>Settings of the writer Lambda and its event source mapping.</summary>
public sealed record WriterConfig
{
    /// <summary>Function memory in MiB (128-10240).</summary>
    public required int MemoryMiB { get; init; }

    /// <summary>Function timeout in seconds (1-900); the queue's visibility timeout is six times this.</summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>Maximum concurrent invocations by the SQS event source (2-1000).</summary>
    public required int MaxConcurrency { get; init; }

    /// <summary>
    /// Reserved concurrency of the writer (2-1000, at least <see cref="MaxConcurrency"/>): the event
    /// source never asks for more than its maximum concurrency, and a reservation below it would make
    /// Lambda throttle the writer while messages wait.
    /// </summary>
    public required int ReservedConcurrency { get; init; }

    /// <summary>Retention of the writer's log group; must be a value CloudWatch Logs accepts.</summary>
    public required int LogRetentionDays { get; init; }

    /// <summary>Largest event the writer stores inline (PAYMENTAUDIT_MAX_EVENT_BYTES).</summary>
    public required int MaxEventBytes { get; init; }

    /// <summary>CloudWatch namespace of the writer's EMF metrics (PAYMENTAUDIT_METRICS_NAMESPACE).</summary>
    public required string MetricsNamespace { get; init; }
}
