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
    /// How long a received message stays hidden; a failed message reappears after it. Shorter than
    /// on AWS (six times the writer timeout there) so a local retry takes seconds, not minutes.
    /// Default 5 s.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent receive loops of the local event source. Default 6.</summary>
    public int Receivers { get; init; } = 6;

    /// <summary>
    /// How many message groups of one batch the writer appends at once. Default 1: DynamoDB Local
    /// serializes transactions and is faster fed one at a time (on AWS the writer runs them all at once).
    /// </summary>
    public int WriterParallelGroups { get; init; } = 1;

    /// <summary>Checks every setting and throws one exception naming all wrong ones.</summary>
    /// <exception cref="LocalConfigurationException">A setting is out of range.</exception>
    public LocalSettings Validate()
    {
        var problems = new List<string>();
        CheckPort(problems, "dynamodb-port", DynamoDbPort);
        CheckPort(problems, "sqs-port", SqsPort);
        if (DynamoDbPort == SqsPort)
        {
            problems.Add($"dynamodb-port and sqs-port must differ (both are {DynamoDbPort})");
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

        if (VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout > TimeSpan.FromHours(12)
            || VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            problems.Add($"visibility-timeout must be whole seconds from 1 s to 12 h, not {VisibilityTimeout.TotalSeconds} s");
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

    /// <summary>Name of the local audit table.</summary>
    public string TableName => $"{ResourcePrefix}-audit";

    /// <summary>Name of the local FIFO audit queue.</summary>
    public string QueueName => $"{ResourcePrefix}-audit.fifo";

    /// <summary>Name of the local FIFO dead-letter queue.</summary>
    public string DeadLetterQueueName => $"{ResourcePrefix}-audit-dlq.fifo";

    /// <summary>Name of the local archive bucket (lowercase, as S3 bucket names must be).</summary>
    public string ArchiveBucketName => $"{ResourcePrefix.ToLowerInvariant().Replace('_', '-')}-archive";

    private static void CheckPort(List<string> problems, string name, int port)
    {
        if (port is < 1024 or > 65535)
        {
            problems.Add($"{name} must be from 1024 to 65535, not {port}");
        }
    }
}
