using System.CommandLine;
using PaymentAudit.Auditing.Targets;

namespace PaymentAudit.Cli.Auditing;

/// <summary>The options every auditor command takes to name its target, turned into <see cref="TargetOptions"/>.</summary>
public sealed class TargetOptionSet
{
    private readonly Option<bool> _local = new("--local") { Description = "The local pipeline that 'paymentaudit local up' runs." };
    private readonly Option<int> _dynamoDbPort = new("--dynamodb-port") { Description = "DynamoDB Local's port of the local pipeline. Default 8000.", DefaultValueFactory = _ => 8000 };
    private readonly Option<int> _sqsPort = new("--sqs-port") { Description = "fauxqs's port (SQS and S3) of the local pipeline. Default 4566.", DefaultValueFactory = _ => 4566 };
    private readonly Option<string?> _environment = new("--env") { Description = "A deployed environment: its stack publishes its resources as SSM parameters under /paymentaudit/<env>/." };
    private readonly Option<string?> _profile = new("--profile") { Description = "AWS shared-config profile (default: the SDK's credential chain)." };
    private readonly Option<string?> _region = new("--region") { Description = "AWS region (default: the SDK's)." };
    private readonly Option<string?> _table = new("--table") { Description = "Audit table (overrides --local/--env)." };
    private readonly Option<Uri?> _dynamoDbUrl = new("--dynamodb-url")
    {
        Description = "DynamoDB endpoint (overrides --local/--env).",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                return url;
            }

            result.AddError($"--dynamodb-url must be an absolute http or https URL, not '{text}'.");
            return null;
        },
    };
    private readonly Option<string?> _queueUrl = new("--queue-url") { Description = "Audit queue URL, where this command records its own audit event (overrides --local/--env)." };
    private readonly Option<string?> _deadLetterQueueUrl = new("--dlq-url") { Description = "Dead-letter queue URL (overrides --local/--env)." };
    private readonly Option<string?> _bucket = new("--bucket") { Description = "Archive bucket (overrides --local/--env)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _local, _dynamoDbPort, _sqsPort, _environment, _profile, _region, _table, _dynamoDbUrl, _queueUrl, _deadLetterQueueUrl, _bucket })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>What the command line said.</summary>
    public TargetOptions Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new TargetOptions
        {
            Local = parsed.GetValue(_local),
            DynamoDbPort = parsed.GetValue(_dynamoDbPort),
            SqsPort = parsed.GetValue(_sqsPort),
            Environment = parsed.GetValue(_environment),
            Profile = parsed.GetValue(_profile),
            Region = parsed.GetValue(_region),
            Table = parsed.GetValue(_table),
            DynamoDbUrl = parsed.GetValue(_dynamoDbUrl),
            QueueUrl = parsed.GetValue(_queueUrl),
            DeadLetterQueueUrl = parsed.GetValue(_deadLetterQueueUrl),
            Bucket = parsed.GetValue(_bucket),
        };
    }
}
