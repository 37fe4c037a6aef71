using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using PaymentAudit.Core.Topology;
using PaymentAudit.Infra.Bundling;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The writer Lambda, its role, its encrypted log group and the SQS event source. The role gets one
/// customer-managed policy with exactly the actions the write path uses: it can create items
/// (one conditional put per record, a directory item per chain), read a chain's last records and
/// look events up in the event index, and archive whole quarantined payloads, but never update or
/// delete an item and never read or overwrite anything else in the archive.
/// </summary>
public sealed class WriterFunction : Construct
{
    /// <summary>Handler of the Stream-to-Stream entry point in the PaymentAudit.Writer assembly.</summary>
    public const string Handler = "PaymentAudit.Writer::PaymentAudit.Writer.Function::HandleAsync";

    /// <summary>
    /// Table actions of the writer: a conditional PutItem per record (and once per chain its
    /// directory item), Query for a chain's last records, GetItem for a record found through the
    /// event index.
    /// </summary>
    public static readonly IReadOnlyList<string> TableActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"];

    /// <summary>Action on the event index: a late repeat of an event is found by its id.</summary>
    public static readonly IReadOnlyList<string> EventIndexActions = ["dynamodb:Query"];

    /// <summary>Archive action: whole payloads of large quarantined messages, under <see cref="AuditArchive.QuarantinePrefix"/>.</summary>
    public static readonly IReadOnlyList<string> ArchiveActions = ["s3:PutObject"];

    /// <summary>Queue actions the event source mapping performs with the writer's role.</summary>
    public static readonly IReadOnlyList<string> QueueActions =
        ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"];

    /// <summary>Creates the function and its event source.</summary>
    public WriterFunction(Construct scope, string id, WriterFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var region = Stack.Of(this).Region;

        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            Retention = LogRetention.Of(settings.LogRetentionDays),
            EncryptionKey = props.DataKey,
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = WriterRoleName.For(props.EnvironmentName),
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"PaymentAudit {props.EnvironmentName} writer: append to the audit table from the audit queue",
        });

        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName} writer: append-only table access, queue consumption, quarantine archive, own logs",
            Roles = [Role],
            Statements =
            [
                Statements.Allow("AppendToAuditTable", [.. TableActions], [props.Table.TableArn]),
                // The one index by name, not index/*: an index added later is not the writer's.
                Statements.Allow(
                    "FindEventsInTheEventIndex",
                    [.. EventIndexActions],
                    [$"{props.Table.TableArn}/index/{AuditTopology.EventIndexName}"]),
                Statements.Allow("ConsumeAuditQueue", [.. QueueActions], [props.Queue.QueueArn]),
                // Keys are quarantine/<sha256 of the payload>, so the writer cannot name them in
                // advance; it can only add objects (new versions under Object Lock), never read,
                // delete or touch another prefix.
                Statements.Allow(
                    "ArchiveQuarantinedPayloads",
                    [.. ArchiveActions],
                    [props.ArchiveBucket.ArnForObjects(AuditArchive.QuarantinePrefix + "*")]),
                // SQS and DynamoDB decrypt with the data key; S3 generates a data key for each
                // archived payload (the bucket's default encryption).
                Statements.Allow(
                    "UseDataKeyThroughQueueTableAndArchive",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "sqs", "dynamodb", "s3")),
                // The log group ARN ends in ":*", which covers its log streams and nothing else.
                Statements.Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [LogGroup.LogGroupArn]),
            ],
        });

        Function = new Function(this, "Function", new FunctionProps
        {
            Description = $"PaymentAudit {props.EnvironmentName} writer: validates, chains and stores audit events",
            Runtime = FunctionCode.Runtime,
            Architecture = Architecture.ARM_64,
            Handler = Handler,
            Code = props.Code,
            MemorySize = settings.MemoryMiB,
            ReservedConcurrentExecutions = settings.ReservedConcurrency,
            Timeout = Duration.Seconds(settings.TimeoutSeconds),
            Role = Role,
            LogGroup = LogGroup,
            LoggingFormat = LoggingFormat.JSON,
            ApplicationLogLevelV2 = ApplicationLogLevel.INFO,
            SystemLogLevelV2 = SystemLogLevel.WARN,
            Environment = new Dictionary<string, string>
            {
                [WriterEnvironment.TableName] = props.Table.TableName,
                [WriterEnvironment.ArchiveBucket] = props.ArchiveBucket.BucketName,
                [WriterEnvironment.EnvironmentName] = props.EnvironmentName,
                [WriterEnvironment.MetricsNamespace] = settings.MetricsNamespace,
                [WriterEnvironment.MaxEventBytes] = settings.MaxEventBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        QueueMapping = new EventSourceMapping(this, "QueueMapping", new EventSourceMappingProps
        {
            Target = Function,
            EventSourceArn = props.Queue.QueueArn,
            BatchSize = 10,
            ReportBatchItemFailures = true,
            MaxConcurrency = settings.MaxConcurrency,
        });
        // Lambda checks the role's queue permissions when it creates the mapping.
        QueueMapping.Node.AddDependency(Policy);
    }

    /// <summary>The writer function.</summary>
    public Function Function { get; }

    /// <summary>The writer's execution role; its only policy is <see cref="Policy"/>.</summary>
    public Role Role { get; }

    /// <summary>The writer's permissions.</summary>
    public ManagedPolicy Policy { get; }

    /// <summary>The writer's KMS-encrypted log group.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>SQS event source: batches of 10 with partial batch failure reporting.</summary>
    public EventSourceMapping QueueMapping { get; }
}
