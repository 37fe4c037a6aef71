using Amazon.CDK.AWS.SSM;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The SSM parameters through which the auditor's command line finds this stack:
/// <c>paymentaudit ... --env &lt;name&gt;</c> reads <c>/paymentaudit/&lt;name&gt;/table-name</c>,
/// <c>queue-url</c>, <c>dead-letter-queue-url</c>, <c>archive-bucket</c> and <c>signing-key-arn</c>
/// with one <c>ssm:GetParameter</c> each. Plain <c>String</c> parameters: they name resources and
/// hold no secret, and the auditor and operator roles may read exactly these five.
/// </summary>
public sealed class TargetParameters : Construct
{
    /// <summary>Name (under the environment's path) of the audit table's name.</summary>
    public const string TableNameParameter = "table-name";

    /// <summary>Name of the audit queue's URL.</summary>
    public const string QueueUrlParameter = "queue-url";

    /// <summary>Name of the dead-letter queue's URL.</summary>
    public const string DeadLetterQueueUrlParameter = "dead-letter-queue-url";

    /// <summary>Name of the archive bucket's name.</summary>
    public const string ArchiveBucketParameter = "archive-bucket";

    /// <summary>Name of the signing key's ARN.</summary>
    public const string SigningKeyArnParameter = "signing-key-arn";

    /// <summary>Creates the five parameters.</summary>
    public TargetParameters(Construct scope, string id, TargetParametersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var environment = props.EnvironmentName;

        StringParameter Publish(string constructId, string parameter, string value, string what) =>
            new(this, constructId, new StringParameterProps
            {
                ParameterName = NameOf(environment, parameter),
                StringValue = value,
                Tier = ParameterTier.STANDARD,
                Description = $"PaymentAudit {environment}: {what} (read by paymentaudit --env {environment})",
            });

        TableName = Publish("TableName", TableNameParameter, props.Table.TableName, "name of the audit table");
        QueueUrl = Publish("QueueUrl", QueueUrlParameter, props.Queue.QueueUrl, "URL of the audit queue");
        DeadLetterQueueUrl = Publish("DeadLetterQueueUrl", DeadLetterQueueUrlParameter, props.DeadLetterQueue.QueueUrl, "URL of the dead-letter queue");
        ArchiveBucket = Publish("ArchiveBucket", ArchiveBucketParameter, props.ArchiveBucket.BucketName, "name of the archive bucket");
        SigningKeyArn = Publish("SigningKeyArn", SigningKeyArnParameter, props.SigningKey.KeyArn, "ARN of the digest signing key");
        All = [TableName, QueueUrl, DeadLetterQueueUrl, ArchiveBucket, SigningKeyArn];
    }

    /// <summary><c>/paymentaudit/&lt;env&gt;/table-name</c>.</summary>
    public StringParameter TableName { get; }

    /// <summary><c>/paymentaudit/&lt;env&gt;/queue-url</c>.</summary>
    public StringParameter QueueUrl { get; }

    /// <summary><c>/paymentaudit/&lt;env&gt;/dead-letter-queue-url</c>.</summary>
    public StringParameter DeadLetterQueueUrl { get; }

    /// <summary><c>/paymentaudit/&lt;env&gt;/archive-bucket</c>.</summary>
    public StringParameter ArchiveBucket { get; }

    /// <summary><c>/paymentaudit/&lt;env&gt;/signing-key-arn</c>.</summary>
    public StringParameter SigningKeyArn { get; }

    /// <summary>The five parameters, in the order the command line reads them.</summary>
    public IReadOnlyList<StringParameter> All { get; }

    /// <summary>The path every parameter of <paramref name="environment"/> is under, e.g. <c>/paymentaudit/dev/</c>.</summary>
    public static string PathOf(string environment) => $"/paymentaudit/{environment}/";

    /// <summary>The full name of one parameter, e.g. <c>/paymentaudit/dev/table-name</c>.</summary>
    public static string NameOf(string environment, string parameter) => PathOf(environment) + parameter;
}
