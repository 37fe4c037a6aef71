using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using PaymentAudit.Infra.Bundling;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The history indexer Lambda, its role and its encrypted log group. Each run reads the chain
/// directory and every chain's new records from the table (Query only: it never writes the table,
/// so the table's resource policy exempts the writer alone), and reads and rewrites the history
/// index under <see cref="AuditArchive.HistoryPrefix"/> in the archive bucket. It never runs twice
/// at once: the reserved concurrency is one. A <see cref="FunctionSchedule"/> starts it.
/// </summary>
public sealed class IndexerFunction : Construct
{
    /// <summary>Handler of the Stream-to-Stream entry point in the PaymentAudit.Indexer assembly.</summary>
    public const string Handler = "PaymentAudit.Indexer::PaymentAudit.Indexer.Function::HandleAsync";

    /// <summary>One run at a time: two runs would both commit a manifest built from the same generation.</summary>
    public const int ReservedConcurrency = 1;

    /// <summary>Table action: the chain directory and each chain's new records, strongly consistent.</summary>
    public static readonly IReadOnlyList<string> TableActions = ["dynamodb:Query"];

    /// <summary>Object actions on the history index: the manifest and the segments are read and written.</summary>
    public static readonly IReadOnlyList<string> HistoryObjectActions = ["s3:GetObject", "s3:PutObject"];

    /// <summary>Creates the function, its role and its log group.</summary>
    public IndexerFunction(Construct scope, string id, IndexerFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var region = Stack.Of(this).Region;
        var period = RateExpression.PeriodOf(settings.Schedule)
            ?? throw new ArgumentException($"'{settings.Schedule}' is not a rate expression the config validator accepts.", nameof(props));

        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            Retention = LogRetention.Of(settings.LogRetentionDays),
            EncryptionKey = props.DataKey,
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = $"PaymentAudit-{props.EnvironmentName}-indexer",
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"PaymentAudit {props.EnvironmentName} history indexer: read the audit table, maintain the history index",
        });

        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName} history indexer: query the table, read and write history/ in the archive, own logs",
            Roles = [Role],
            Statements =
            [
                Statements.Allow("ReadAuditChains", [.. TableActions], [props.Table.TableArn]),
                // Without ListBucket, S3 answers a GET of a missing key with 403 instead of 404, and
                // the first run could not tell "no manifest yet" from "access denied". S3 checks that
                // permission with the requested key as s3:prefix, so the condition keeps the listing
                // (and the 404) to the history index.
                Statements.Allow(
                    "ListHistoryIndex",
                    ["s3:ListBucket"],
                    [props.ArchiveBucket.BucketArn],
                    new Dictionary<string, object>
                    {
                        ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = AuditArchive.HistoryPrefix + "*" },
                    }),
                // Segment keys carry the run's generation, so they cannot be named in advance. Put
                // adds a version (Object Lock keeps every one); no delete, no other prefix.
                Statements.Allow(
                    "ReadAndWriteHistoryIndex",
                    [.. HistoryObjectActions],
                    [props.ArchiveBucket.ArnForObjects(AuditArchive.HistoryPrefix + "*")]),
                Statements.Allow(
                    "UseDataKeyThroughTableAndArchive",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "dynamodb", "s3")),
                // The log group ARN ends in ":*", which covers its log streams and nothing else.
                Statements.Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [LogGroup.LogGroupArn]),
            ],
        });

        Function = new Function(this, "Function", new FunctionProps
        {
            Description = $"PaymentAudit {props.EnvironmentName} history indexer: indexes new chain records into the archive's history index",
            Runtime = FunctionCode.Runtime,
            Architecture = Architecture.ARM_64,
            Handler = Handler,
            Code = props.Code,
            MemorySize = settings.MemoryMiB,
            ReservedConcurrentExecutions = ReservedConcurrency,
            Timeout = Duration.Seconds(settings.TimeoutSeconds),
            Role = Role,
            LogGroup = LogGroup,
            LoggingFormat = LoggingFormat.JSON,
            ApplicationLogLevelV2 = ApplicationLogLevel.INFO,
            SystemLogLevelV2 = SystemLogLevel.WARN,
            Environment = new Dictionary<string, string>
            {
                [IndexerEnvironment.TableName] = props.Table.TableName,
                [IndexerEnvironment.EnvironmentName] = props.EnvironmentName,
                [IndexerEnvironment.ArchiveBucket] = props.ArchiveBucket.BucketName,
                [IndexerEnvironment.MetricsNamespace] = props.MetricsNamespace,
                [IndexerEnvironment.HistoryBuckets] = settings.HistoryBuckets.ToString(CultureInfo.InvariantCulture),
            },
        });
        // The role's policy must exist before the first scheduled run.
        Function.Node.AddDependency(Policy);

        // EventBridge Scheduler invokes asynchronously, so Lambda queues the event and, by default,
        // retries a failed run twice and keeps a throttled event (one arriving while a run is still
        // going) for up to 6 hours. Here the next scheduled run is the retry: it indexes whatever the
        // failed one left, a retry would only queue behind it, and each failure counts once in the
        // indexer-errors alarm. An event that waited a whole period is superseded by the next one.
        InvokeConfig = new EventInvokeConfig(this, "InvokeConfig", new EventInvokeConfigProps
        {
            Function = Function,
            RetryAttempts = 0,
            MaxEventAge = Duration.Seconds(Math.Clamp(period.TotalSeconds, 60, 6 * 3600)),
        });
    }

    /// <summary>The indexer function.</summary>
    public Function Function { get; }

    /// <summary>The indexer's execution role; its only policy is <see cref="Policy"/>.</summary>
    public Role Role { get; }

    /// <summary>The indexer's permissions.</summary>
    public ManagedPolicy Policy { get; }

    /// <summary>The indexer's KMS-encrypted log group.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>Asynchronous invocation settings: no retries, events kept at most one schedule period.</summary>
    public EventInvokeConfig InvokeConfig { get; }
}
