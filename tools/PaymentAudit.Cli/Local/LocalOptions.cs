using System.CommandLine;
using PaymentAudit.Local.Configuration;

namespace PaymentAudit.Cli.Local;

/// <summary>The options <c>local up</c> and <c>local demo</c> share, turned into validated <see cref="LocalSettings"/>.</summary>
public sealed class LocalOptions
{
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

    private readonly Option<int> _visibilityTimeout = new("--visibility-timeout")
    {
        Description = "Seconds a received message stays hidden; a failed message is retried after it. Default 5.",
        DefaultValueFactory = _ => 5,
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

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_dynamoDbPort);
        command.Options.Add(_sqsPort);
        command.Options.Add(_visibilityTimeout);
        command.Options.Add(_receivers);
        command.Options.Add(_parallelGroups);
    }

    /// <summary>The validated settings; maxReceiveCount comes from <c>infra/config/dev.json</c>.</summary>
    /// <exception cref="LocalConfigurationException">A value is wrong; the message names it.</exception>
    public LocalSettings ToSettings(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var visibility = parsed.GetValue(_visibilityTimeout);
        if (visibility is < 1 or > 43_200)
        {
            throw new LocalConfigurationException($"--visibility-timeout must be from 1 to 43200 seconds, not {visibility}.");
        }

        return new LocalSettings
        {
            DynamoDbPort = parsed.GetValue(_dynamoDbPort),
            SqsPort = parsed.GetValue(_sqsPort),
            VisibilityTimeout = TimeSpan.FromSeconds(visibility),
            Receivers = parsed.GetValue(_receivers),
            WriterParallelGroups = parsed.GetValue(_parallelGroups),
            MaxReceiveCount = DeploymentConfig.ReadMaxReceiveCount(DeploymentConfig.PathOf(DeploymentConfig.LocalMirror)),
        }.Validate();
    }
}
