namespace PaymentAudit.Infra.Configuration;

/// <summary>Environment-specific settings of the audit queue (the fixed ones live in AuditTopology.Queue).</summary>
public sealed record QueueConfig
{
    /// <summary>Receives of one message before SQS moves it to the dead-letter queue (1-1000).</summary>
    public required int MaxReceiveCount { get; init; }
}
