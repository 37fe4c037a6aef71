namespace PaymentAudit.Local.EventSource;

/// <summary>
/// How the local event source polls and invokes, as an SQS event source mapping and its function
/// are configured on AWS. The deployed relation holds here too: the visibility timeout is at least
/// <see cref="VisibilityTimeoutFactor"/> times the invocation timeout, so a batch never becomes
/// visible again while its invocation may still run.
/// </summary>
public sealed record EventSourceOptions
{
    /// <summary>Least ratio of visibility timeout to invocation timeout (what AWS recommends and the stack deploys).</summary>
    public const int VisibilityTimeoutFactor = 6;

    /// <summary>Longest invocation timeout, Lambda's limit.</summary>
    public static readonly TimeSpan MaxInvocationTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Longest visibility timeout SQS accepts.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);

    /// <summary>The FIFO queue to poll. Required.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>Most messages per invocation, 1 to 10 (Lambda's limit for FIFO queues). Default 10.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>
    /// Longest an invocation may run, like a Lambda function's timeout. Required. An invocation
    /// still running then is cancelled and its whole batch fails.
    /// </summary>
    public required TimeSpan InvocationTimeout { get; init; }

    /// <summary>
    /// Visibility timeout asked for on each receive: how long a received batch stays hidden while
    /// it is handled. Required; at least <see cref="VisibilityTimeoutFactor"/> times
    /// <see cref="InvocationTimeout"/>.
    /// </summary>
    public required TimeSpan VisibilityTimeout { get; init; }

    /// <summary>
    /// How long a message stays hidden after its invocation reported it failed (or failed as a
    /// whole) before it can be received again; the event source sets it with ChangeMessageVisibility
    /// so a retry takes seconds, not the whole visibility timeout. At least 1 s: fauxqs 2.4.1 fails a
    /// change to 0 on a persisted queue (and loses track of the message until it restarts). Default 2 s.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

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

        if (!IsWholeSeconds(InvocationTimeout) || InvocationTimeout < TimeSpan.FromSeconds(1) || InvocationTimeout > MaxInvocationTimeout)
        {
            throw new ArgumentException($"InvocationTimeout must be whole seconds from 1 s to 900 s, not {InvocationTimeout}.", nameof(InvocationTimeout));
        }

        if (!IsWholeSeconds(VisibilityTimeout) || VisibilityTimeout > MaxVisibilityTimeout || VisibilityTimeout < InvocationTimeout * VisibilityTimeoutFactor)
        {
            throw new ArgumentException(
                $"VisibilityTimeout must be whole seconds, at least {VisibilityTimeoutFactor} times InvocationTimeout ({InvocationTimeout.TotalSeconds:0} s) "
                + $"and at most 12 h, not {VisibilityTimeout.TotalSeconds} s.",
                nameof(VisibilityTimeout));
        }

        if (!IsWholeSeconds(RetryDelay) || RetryDelay < TimeSpan.FromSeconds(1) || RetryDelay >= VisibilityTimeout)
        {
            throw new ArgumentException($"RetryDelay must be whole seconds, from 1 s to less than VisibilityTimeout, not {RetryDelay}.", nameof(RetryDelay));
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

    private static bool IsWholeSeconds(TimeSpan value) => value.Ticks % TimeSpan.TicksPerSecond == 0;
}
