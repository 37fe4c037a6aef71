using System.CommandLine;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Emulators;

namespace PaymentAudit.Cli.Local;

/// <summary>
/// The options <c>local up</c> and <c>local demo</c> share, turned into validated
/// <see cref="LocalSettings"/>; <c>--in-memory</c> only where the command persists by default.
/// </summary>
public sealed class LocalOptions
{
    /// <summary>The data folder when none is given, relative to the repository root (git ignores it).</summary>
    public const string DefaultDataFolder = ".local-data";

    private readonly bool _persists;

    private readonly Option<string?> _dataDir = new("--data-dir")
    {
        Description = $"Folder for the emulators' data (unless --in-memory), their pid files and the writer log. Default {DefaultDataFolder} in the repository.",
    };

    private readonly Option<bool> _inMemory = new("--in-memory")
    {
        Description = "Keep the table and the queues in memory only: nothing survives the run. Default: keep them in the data folder.",
    };

    private readonly Option<int> _dynamoDbPort = new("--dynamodb-port")
    {
        Description = $"Loopback port for DynamoDB Local. Default {LocalSettings.DefaultDynamoDbPort}; a taken port is refused.",
        DefaultValueFactory = _ => LocalSettings.DefaultDynamoDbPort,
    };

    private readonly Option<int> _sqsPort = new("--sqs-port")
    {
        Description = $"Loopback port for fauxqs (SQS). Default {LocalSettings.DefaultSqsPort}; a taken port is refused.",
        DefaultValueFactory = _ => LocalSettings.DefaultSqsPort,
    };

    private readonly Option<int> _httpPort = new("--http-port")
    {
        Description = $"Loopback port of the HTTP ingestion endpoint (POST /v1/events, /v1/events/batch). Default {LocalSettings.DefaultHttpPort}; a taken port is refused.",
        DefaultValueFactory = _ => LocalSettings.DefaultHttpPort,
    };

    private readonly Option<int> _digestInterval = new("--digest-interval")
    {
        Description = "Seconds between two runs of the history indexer and the signed digest while the pipeline is up. Default 30.",
        DefaultValueFactory = _ => 30,
    };

    private readonly Option<int?> _invocationTimeout = new("--invocation-timeout")
    {
        Description = "Seconds a writer invocation may run before it is cancelled and its batch retried. "
            + "Default: writer.timeoutSeconds of infra/config/dev.json (the deployed function's timeout, 30).",
    };

    private readonly Option<int?> _visibilityTimeout = new("--visibility-timeout")
    {
        Description = $"Seconds a received batch stays hidden while the writer handles it; at least {LocalSettings.VisibilityTimeoutFactor} times "
            + $"--invocation-timeout. Default: exactly {LocalSettings.VisibilityTimeoutFactor} times it, as deployed (180).",
    };

    private readonly Option<int> _retryDelay = new("--retry-delay")
    {
        Description = "Seconds before a message the writer reported failed is received again. Default 2.",
        DefaultValueFactory = _ => 2,
    };

    private readonly Option<int> _receivers = new("--receivers")
    {
        Description = "Concurrent receive loops of the local event source. Default 6.",
        DefaultValueFactory = _ => 6,
    };

    private readonly Option<int> _parallelGroups = new("--writer-parallel-groups")
    {
        Description = "Message groups of one batch the writer appends at once. Default 1 (DynamoDB Local is fastest fed one transaction at a time).",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>Creates the options; <paramref name="persists"/> for a command that keeps its data by default and offers --in-memory.</summary>
    public LocalOptions(bool persists = false) => _persists = persists;

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_dataDir);
        if (_persists)
        {
            command.Options.Add(_inMemory);
        }

        command.Options.Add(_dynamoDbPort);
        command.Options.Add(_sqsPort);
        command.Options.Add(_httpPort);
        if (_persists)
        {
            command.Options.Add(_digestInterval);
        }

        command.Options.Add(_invocationTimeout);
        command.Options.Add(_visibilityTimeout);
        command.Options.Add(_retryDelay);
        command.Options.Add(_receivers);
        command.Options.Add(_parallelGroups);
    }

    /// <summary>
    /// The validated settings; maxReceiveCount and the default invocation timeout come from
    /// <c>infra/config/dev.json</c>.
    /// </summary>
    /// <exception cref="LocalConfigurationException">A value is wrong; the message names it.</exception>
    public LocalSettings ToSettings(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var deployment = DeploymentConfig.PathOf(DeploymentConfig.LocalMirror);
        var invocation = parsed.GetValue(_invocationTimeout) is { } seconds
            ? Seconds("--invocation-timeout", seconds, max: 900)
            : DeploymentConfig.ReadWriterTimeout(deployment);
        var visibility = parsed.GetValue(_visibilityTimeout) is { } visibilitySeconds
            ? Seconds("--visibility-timeout", visibilitySeconds, max: 43_200)
            : invocation * LocalSettings.VisibilityTimeoutFactor;

        return new LocalSettings
        {
            DataDirectory = parsed.GetValue(_dataDir) is { Length: > 0 } dataDir
                ? Path.GetFullPath(dataDir)
                : Path.Combine(RepositoryPaths.Root(), DefaultDataFolder),
            InMemory = !_persists || parsed.GetValue(_inMemory),
            DynamoDbPort = parsed.GetValue(_dynamoDbPort),
            SqsPort = parsed.GetValue(_sqsPort),
            HttpPort = parsed.GetValue(_httpPort),
            DigestInterval = TimeSpan.FromSeconds(_persists ? parsed.GetValue(_digestInterval) : 30),
            InvocationTimeout = invocation,
            VisibilityTimeout = visibility,
            RetryDelay = TimeSpan.FromSeconds(parsed.GetValue(_retryDelay)),
            Receivers = parsed.GetValue(_receivers),
            WriterParallelGroups = parsed.GetValue(_parallelGroups),
            MaxReceiveCount = DeploymentConfig.ReadMaxReceiveCount(deployment),
        }.Validate();
    }

    private static TimeSpan Seconds(string option, int value, int max) => value >= 1 && value <= max
        ? TimeSpan.FromSeconds(value)
        : throw new LocalConfigurationException($"{option} must be from 1 to {max} seconds, not {value}.");
}
