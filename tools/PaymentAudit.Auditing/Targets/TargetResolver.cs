using System.Text.RegularExpressions;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Auditing.Targets;

/// <summary>
/// Turns the command line's target options into an <see cref="AuditTarget"/>: <c>--local</c> (the
/// emulators on loopback), <c>--env &lt;name&gt;</c> (a deployed stack's SSM parameters), and explicit
/// <c>--table</c>/<c>--queue-url</c>/... values, which override either.
/// </summary>
public sealed partial class TargetResolver
{
    private readonly Func<TargetOptions, IParameterSource> _parameters;
    private readonly IQueueLocator _queues;

    /// <summary>Creates a resolver.</summary>
    /// <param name="parameters">The parameter source for an environment (its credentials and region come from the options).</param>
    /// <param name="queues">Finds local queue URLs.</param>
    public TargetResolver(Func<TargetOptions, IParameterSource> parameters, IQueueLocator queues)
    {
        _parameters = parameters;
        _queues = queues;
    }

    /// <summary>Resolves <paramref name="options"/>.</summary>
    /// <exception cref="TargetException">The options name no target, or contradictory ones, or a parameter is missing.</exception>
    /// <exception cref="StoreUnreachableException">The local emulators or the parameter store do not answer.</exception>
    public async Task<AuditTarget> ResolveAsync(TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Local && options.Environment is not null)
        {
            throw new TargetException("--local and --env name different targets; give one of them.");
        }

        var target = options switch
        {
            { Local: true } => await LocalAsync(options, cancellationToken),
            { Environment: { } environment } => await EnvironmentAsync(environment, options, cancellationToken),
            { Table: { } table } => new AuditTarget { Kind = TargetKind.Explicit, Description = $"table {table}", TableName = table, Region = options.Region, Profile = options.Profile },
            _ => throw new TargetException("No target: give --local (the pipeline 'paymentaudit local up' runs), --env <name> (a deployed stack), or --table <name>."),
        };
        return target with
        {
            TableName = options.Table ?? target.TableName,
            DynamoDbServiceUrl = options.DynamoDbUrl ?? target.DynamoDbServiceUrl,
            QueueUrl = options.QueueUrl ?? target.QueueUrl,
            DeadLetterQueueUrl = options.DeadLetterQueueUrl ?? target.DeadLetterQueueUrl,
            ArchiveBucket = options.Bucket ?? target.ArchiveBucket,
        };
    }

    private async Task<AuditTarget> LocalAsync(TargetOptions options, CancellationToken cancellationToken)
    {
        CheckPort(options.DynamoDbPort, "--dynamodb-port");
        CheckPort(options.SqsPort, "--sqs-port");
        var sqs = new Uri($"http://127.0.0.1:{options.SqsPort}");
        return new AuditTarget
        {
            Kind = TargetKind.Local,
            Description = $"local pipeline (DynamoDB Local on 127.0.0.1:{options.DynamoDbPort}, fauxqs on 127.0.0.1:{options.SqsPort})",
            TableName = LocalResourceNames.Table(),
            QueueUrl = options.QueueUrl ?? await _queues.LocateAsync(sqs, LocalResourceNames.Queue(), cancellationToken),
            DeadLetterQueueUrl = options.DeadLetterQueueUrl ?? await _queues.LocateAsync(sqs, LocalResourceNames.DeadLetterQueue(), cancellationToken),
            ArchiveBucket = LocalResourceNames.ArchiveBucket(),
            DigestEnvironment = LocalResourceNames.DigestEnvironment,
            DynamoDbServiceUrl = new Uri($"http://127.0.0.1:{options.DynamoDbPort}"),
            SqsServiceUrl = sqs,
            S3ServiceUrl = sqs,
            Region = "us-east-1",
        };
    }

    private async Task<AuditTarget> EnvironmentAsync(string environment, TargetOptions options, CancellationToken cancellationToken)
    {
        if (!EnvironmentName().IsMatch(environment))
        {
            throw new TargetException($"--env must be an environment name of 1-32 lowercase letters, digits or '-', not '{environment}'.");
        }

        var source = _parameters(options);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var parameter in StackParameters.All)
        {
            values[parameter] = await source.GetAsync(StackParameters.NameOf(environment, parameter), cancellationToken);
        }

        string Required(string parameter) => values[parameter]
            ?? throw new TargetException($"Environment '{environment}' has no SSM parameter {StackParameters.NameOf(environment, parameter)}: is PaymentAudit-{environment} deployed in this account and region?");

        return new AuditTarget
        {
            Kind = TargetKind.Environment,
            Description = $"environment {environment}" + (options.Region is null ? string.Empty : $" ({options.Region})"),
            TableName = Required(StackParameters.TableName),
            QueueUrl = Required(StackParameters.QueueUrl),
            DeadLetterQueueUrl = values[StackParameters.DeadLetterQueueUrl],
            ArchiveBucket = values[StackParameters.ArchiveBucket],
            SigningKeyId = values[StackParameters.SigningKeyArn],
            DigestEnvironment = environment,
            Region = options.Region,
            Profile = options.Profile,
        };
    }

    private static void CheckPort(int port, string option)
    {
        if (port is < 1024 or > 65535)
        {
            throw new TargetException($"{option} must be from 1024 to 65535, not {port}.");
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex EnvironmentName();
}
