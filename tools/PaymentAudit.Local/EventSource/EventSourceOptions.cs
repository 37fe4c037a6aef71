namespace PaymentAudit.Local.EventSource;

/// <summary>How the local event source polls, as an SQS event source mapping is configured on AWS.</summary>
public sealed record EventSourceOptions
{
    /// <summary>The FIFO queue to poll. Required.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>Most messages per invocation, 1 to 10 (Lambda's limit for FIFO queues). Default 10.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Visibility timeout asked for on each receive. Required: it decides when a failed message reappears.</summary>
    public required TimeSpan VisibilityTimeout { get; init; }

    /// <summary>Concurrent receive loops (Lambda runs several pollers; FIFO still keeps each group in order). Default 6.</summary>
    public int Receivers { get; init; } = 6;

    /// <summary>Long-poll wait of each receive, whole seconds 0 to 20. Default 1.</summary>
    public int WaitTimeSeconds { get; init; } = 1;

    /// <summary>Pause after a failed receive before the loop tries again. Default 200 ms.</summary>
    public TimeSpan ReceiveErrorBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(QueueUrl))
        {
            throw new ArgumentException("QueueUrl is required.", nameof(QueueUrl));
        }

        if (BatchSize is < 1 or > 10)
        {
            throw new ArgumentException($"BatchSize must be from 1 to 10, not {BatchSize}.", nameof(BatchSize));
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"VisibilityTimeout must be whole seconds, at least 1 s, not {VisibilityTimeout}.", nameof(VisibilityTimeout));
        }

        if (Receivers is < 1 or > 64)
        {
            throw new ArgumentException($"Receivers must be from 1 to 64, not {Receivers}.", nameof(Receivers));
        }

        if (WaitTimeSeconds is < 0 or > 20)
        {
            throw new ArgumentException($"WaitTimeSeconds must be from 0 to 20, not {WaitTimeSeconds}.", nameof(WaitTimeSeconds));
        }
    }
}
