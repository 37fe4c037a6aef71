namespace PaymentAudit.Client;

/// <summary>
/// Settings of an <see cref="IAuditTrail"/>. Validated once, when the trail is created; a wrong
/// value fails with a message naming the setting.
/// </summary>
public sealed record AuditTrailOptions
{
    /// <summary>Number of groups of the default strategy (<see cref="MessageGroupStrategy.HashOfActor"/>).</summary>
    public const int DefaultGroupCount = 64;

    /// <summary>
    /// URL of the FIFO audit queue (ends with <c>.fifo</c>). Required: there is no default.
    /// </summary>
    public string? QueueUrl { get; init; }

    /// <summary>
    /// Chooses each event's message group. Default: <see cref="MessageGroupStrategy.HashOfActor"/>
    /// with <see cref="DefaultGroupCount"/> (64) groups. Throughput grows with the number of groups
    /// that have events waiting: a group has at most one event in flight at a time.
    /// </summary>
    public IMessageGroupStrategy GroupStrategy { get; init; } = MessageGroupStrategy.HashOfActor(DefaultGroupCount);

    /// <summary>
    /// How long a partly filled batch waits for more events before it is sent. Default 5 ms.
    /// Zero sends at once whatever is ready (lowest latency, smaller batches).
    /// </summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Most events buffered or in flight at once; further callers wait for space (backpressure),
    /// so memory stays bounded. Default 1,000.
    /// </summary>
    public int BufferCapacity { get; init; } = 1_000;

    /// <summary>Most <c>SendMessageBatch</c> calls in flight at once. Default 4.</summary>
    public int MaxConcurrentBatches { get; init; } = 4;

    /// <summary>
    /// Most times an event is sent before its caller gets an <see cref="AuditDeliveryException"/>,
    /// counting the first send. Default 6. Only transient failures (throttling, server errors,
    /// network faults) are retried; an error caused by the request fails at once.
    /// </summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>
    /// Backoff before the first retry; it doubles with each further attempt up to
    /// <see cref="RetryMaxDelay"/>, and the wait is drawn between half and all of it (jitter). Default 100 ms.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of one backoff. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long disposing waits for buffered events to be accepted; events still waiting then
    /// fail with <see cref="AuditDeliveryException"/>. Default 30 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
