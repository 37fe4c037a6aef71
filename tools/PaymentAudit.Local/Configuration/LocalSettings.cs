using PaymentAudit.Local.EventSource;

namespace PaymentAudit.Local.Configuration;

/// <summary>
/// Settings of a local run: where the emulators listen, what the local resources are called, and
/// how the local event source behaves. Validated once by <see cref="Validate"/>; a wrong value
/// fails with a message that names the setting.
/// </summary>
public sealed record LocalSettings
{
    /// <summary>Default DynamoDB Local port (the emulator's customary one).</summary>
    public const int DefaultDynamoDbPort = 8000;

    /// <summary>Default fauxqs (SQS) port (the customary local AWS port).</summary>
    public const int DefaultSqsPort = 4566;

    /// <summary>Least ratio of visibility timeout to invocation timeout, as deployed.</summary>
    public const int VisibilityTimeoutFactor = EventSourceOptions.VisibilityTimeoutFactor;

    /// <summary>
    /// Folder of the run's files: the emulators' stores (unless <see cref="InMemory"/>), their pid
    /// files and the writer's log. Required; the CLI's default is <c>.local-data</c> in the repository.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Keep the table and the queues in memory only (lost when the run stops). Default false:
    /// DynamoDB Local and fauxqs keep them in <see cref="DataDirectory"/> across restarts and crashes.
    /// </summary>
    public bool InMemory { get; init; }

    /// <summary>Loopback port of DynamoDB Local. A taken port is refused, never shared.</summary>
    public int DynamoDbPort { get; init; } = DefaultDynamoDbPort;

    /// <summary>Loopback port of fauxqs. A taken port is refused, never shared.</summary>
    public int SqsPort { get; init; } = DefaultSqsPort;

    /// <summary>Prefix of the local table and queue names. Default <c>paymentaudit-local</c>.</summary>
    public string ResourcePrefix { get; init; } = "paymentaudit-local";

    /// <summary>
    /// Receives before SQS moves a message to the dead-letter queue. Required: the CLI reads it
    /// from <c>infra/config/dev.json</c> so the local queue redrives like the deployed one.
    /// </summary>
    public required int MaxReceiveCount { get; init; }

    /// <summary>
    /// Longest a writer invocation may run before it is cancelled and its batch retried. Required:
    /// the CLI reads it from <c>writer.timeoutSeconds</c> in <c>infra/config/dev.json</c>, the
    /// deployed function's timeout.
    /// </summary>
    public required TimeSpan InvocationTimeout { get; init; }

    /// <summary>
    /// How long a received batch stays hidden while the writer handles it. Required; at least six
    /// times <see cref="InvocationTimeout"/>, the relation the deployed queue has to the function's
    /// timeout, so a slow batch is never received twice (the CLI's default is exactly six times).
    /// </summary>
    public required TimeSpan VisibilityTimeout { get; init; }

    /// <summary>
    /// How soon a message the writer reported failed is received again (the event source shortens
    /// its visibility to this). Default 2 s.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Concurrent receive loops of the local event source. Default 6.</summary>
    public int Receivers { get; init; } = 6;

    /// <summary>
    /// How many message groups of one batch the writer appends at once. Default 1: DynamoDB Local
    /// serializes transactions and is faster fed one at a time (on AWS the writer runs them all at once).
    /// </summary>
    public int WriterParallelGroups { get; init; } = 1;

    /// <summary>Default port of the local HTTP ingestion endpoint.</summary>
    public const int DefaultHttpPort = 8080;

    /// <summary>Loopback port of the HTTP ingestion endpoint (<c>POST /v1/events</c>). Default 8080.</summary>
    public int HttpPort { get; init; } = DefaultHttpPort;

    /// <summary>How often <c>local up</c> brings the history index up to date and writes a signed digest. Default 30 s.</summary>
    public TimeSpan DigestInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every setting and throws one exception naming all wrong ones.</summary>
    /// <exception cref="LocalConfigurationException">A setting is out of range.</exception>
    public LocalSettings Validate()
    {
        var problems = new List<string>();
        CheckPort(problems, "dynamodb-port", DynamoDbPort);
        CheckPort(problems, "sqs-port", SqsPort);
        CheckPort(problems, "http-port", HttpPort);
        if (new[] { DynamoDbPort, SqsPort, HttpPort }.Distinct().Count() < 3)
        {
            problems.Add($"dynamodb-port, sqs-port and http-port must differ (they are {DynamoDbPort}, {SqsPort} and {HttpPort})");
        }

        if (!IsWholeSeconds(DigestInterval) || DigestInterval < TimeSpan.FromSeconds(5) || DigestInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"digest-interval must be whole seconds from 5 to 3600, not {DigestInterval.TotalSeconds} s");
        }

        if (string.IsNullOrWhiteSpace(ResourcePrefix) || ResourcePrefix.Length > 60
            || !ResourcePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add($"resource-prefix must be 1-60 letters, digits, '-' or '_', not '{ResourcePrefix}'");
        }

        if (MaxReceiveCount is < 1 or > 1000)
        {
            problems.Add($"max-receive-count must be from 1 to 1000, not {MaxReceiveCount}");
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add("data-dir must name a folder");
        }

        if (!IsWholeSeconds(InvocationTimeout) || InvocationTimeout < TimeSpan.FromSeconds(1) || InvocationTimeout > TimeSpan.FromMinutes(15))
        {
            problems.Add($"invocation-timeout must be whole seconds from 1 to 900, not {InvocationTimeout.TotalSeconds} s");
        }

        if (!IsWholeSeconds(VisibilityTimeout) || VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout > TimeSpan.FromHours(12))
        {
            problems.Add($"visibility-timeout must be whole seconds from 1 s to 12 h, not {VisibilityTimeout.TotalSeconds} s");
        }
        else if (VisibilityTimeout < InvocationTimeout * VisibilityTimeoutFactor)
        {
            problems.Add(
                $"visibility-timeout must be at least {VisibilityTimeoutFactor} times invocation-timeout ({(InvocationTimeout * VisibilityTimeoutFactor).TotalSeconds} s), "
                + $"not {VisibilityTimeout.TotalSeconds} s: a slower batch would be received again while it is being written");
        }

        if (!IsWholeSeconds(RetryDelay) || RetryDelay < TimeSpan.FromSeconds(1) || RetryDelay >= VisibilityTimeout)
        {
            problems.Add($"retry-delay must be whole seconds from 1 to less than visibility-timeout, not {RetryDelay.TotalSeconds} s");
        }

        if (Receivers is < 1 or > 64)
        {
            problems.Add($"receivers must be from 1 to 64, not {Receivers}");
        }

        if (WriterParallelGroups is < 1 or > 10)
        {
            problems.Add($"writer-parallel-groups must be from 1 to 10, not {WriterParallelGroups}");
        }

        if (problems.Count > 0)
        {
            throw new LocalConfigurationException("Local run configuration is invalid: " + string.Join("; ", problems) + ".");
        }

        return this;
    }

    /// <summary>Where DynamoDB Local keeps the table when the run persists (<c>-dbPath</c>).</summary>
    public string DynamoDbDataDirectory => Path.Combine(DataDirectory, "dynamodb");

    /// <summary>Where fauxqs keeps the queues and messages when the run persists (a SQLite database).</summary>
    public string SqsDataDirectory => Path.Combine(DataDirectory, "fauxqs");

    /// <summary>Where the pid files of the running emulators are kept, so a later run can stop what a killed one left.</summary>
    public string RunDirectory => Path.Combine(DataDirectory, "run");

    /// <summary>The file the writer's log and metric lines are appended to.</summary>
    public string WriterLogPath => Path.Combine(DataDirectory, "writer.log");

    /// <summary>
    /// The local digests' signing key (ECDSA P-256, PEM), made on first use; <c>verify --digests</c>
    /// reads its public half. It stands in for the deployed KMS key.
    /// </summary>
    public string DigestKeyPath => Path.Combine(DataDirectory, PaymentAudit.Core.Topology.LocalResourceNames.DigestKeyFile);

    /// <summary>Name of the local audit table.</summary>
    public string TableName => $"{ResourcePrefix}-audit";

    /// <summary>Name of the local FIFO audit queue.</summary>
    public string QueueName => $"{ResourcePrefix}-audit.fifo";

    /// <summary>Name of the local FIFO dead-letter queue.</summary>
    public string DeadLetterQueueName => $"{ResourcePrefix}-audit-dlq.fifo";

    /// <summary>Name of the local archive bucket (lowercase, as S3 bucket names must be).</summary>
    public string ArchiveBucketName => $"{ResourcePrefix.ToLowerInvariant().Replace('_', '-')}-archive";

    /// <summary>The event source options these settings give for the queue at <paramref name="queueUrl"/>.</summary>
    public EventSourceOptions EventSourceFor(string queueUrl) => new()
    {
        QueueUrl = queueUrl,
        InvocationTimeout = InvocationTimeout,
        VisibilityTimeout = VisibilityTimeout,
        RetryDelay = RetryDelay,
        Receivers = Receivers,
    };

    private static bool IsWholeSeconds(TimeSpan value) => value.Ticks % TimeSpan.TicksPerSecond == 0;

    private static void CheckPort(List<string> problems, string name, int port)
    {
        if (port is < 1024 or > 65535)
        {
            problems.Add($"{name} must be from 1024 to 65535, not {port}");
        }
    }
}
