using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using PaymentAudit.Infra.Bundling;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The digest Lambda, its role and its encrypted log group. Each run reads every chain's head
/// through the chain directory (Query only: it never writes the table, so the table's resource
/// policy exempts the writer alone), reads the latest digest under
/// <see cref="AuditArchive.DigestPrefix"/>, has KMS sign the new digest with the signing key and
/// stores it in the Object-Locked archive. It never runs twice at once: the reserved concurrency is
/// one. A <see cref="FunctionSchedule"/> starts it.
/// </summary>
public sealed class DigestFunction : Construct
{
    /// <summary>Handler of the Stream-to-Stream entry point in the PaymentAudit.Digest assembly.</summary>
    public const string Handler = "PaymentAudit.Digest::PaymentAudit.Digest.Function::HandleAsync";

    /// <summary>One run at a time: two runs would both link to the same previous digest.</summary>
    public const int ReservedConcurrency = 1;

    /// <summary>Lambda's retries of a failed asynchronous invocation (its default, written out).</summary>
    public const int RetryAttempts = 2;

    /// <summary>Table action: the chain directory and each chain's last record, strongly consistent.</summary>
    public static readonly IReadOnlyList<string> TableActions = ["dynamodb:Query"];

    /// <summary>
    /// Condition on putting a digest: the request carries <c>If-None-Match</c>, so S3 creates the key
    /// or refuses; a stored digest is never replaced (the latest pointer is the one exception).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object> CreateOnlyCondition = new Dictionary<string, object>
    {
        ["Null"] = new Dictionary<string, object> { ["s3:if-none-match"] = "false" },
    };

    /// <summary>The one way the function may use the signing key: a SHA-256 digest signed with ECDSA P-256.</summary>
    public static readonly IReadOnlyDictionary<string, string> SigningConditions = new Dictionary<string, string>
    {
        ["kms:MessageType"] = "DIGEST",
        ["kms:SigningAlgorithm"] = "ECDSA_SHA_256",
    };

    /// <summary>Creates the function, its role and its log group.</summary>
    public DigestFunction(Construct scope, string id, DigestFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var region = Stack.Of(this).Region;
        var period = TimeSpan.FromMinutes(settings.PeriodMinutes);

        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            Retention = LogRetention.Of(settings.LogRetentionDays),
            EncryptionKey = props.DataKey,
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = $"PaymentAudit-{props.EnvironmentName}-digest",
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"PaymentAudit {props.EnvironmentName} digests: read the chain heads, sign them with the signing key, store the digest",
        });

        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName} digests: query the table, sign digests, read and write digests/ in the archive, own logs",
            Roles = [Role],
            Statements =
            [
                Statements.Allow("ReadChainHeads", [.. TableActions], [props.Table.TableArn]),
                // The latest digest is found through its pointer and a listing that starts after it.
                // Without ListBucket, S3 would also answer the first run's GET of the missing pointer
                // with 403 instead of 404. S3 checks that permission with the requested key or prefix
                // as s3:prefix, so the condition keeps the listing (and the 404) to the digests.
                Statements.Allow(
                    "ListDigests",
                    ["s3:ListBucket"],
                    [props.ArchiveBucket.BucketArn],
                    new Dictionary<string, object>
                    {
                        ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = AuditArchive.DigestPrefix + "*" },
                    }),
                // Digest keys carry the time of the run, so they cannot be named in advance.
                Statements.Allow("ReadDigests", ["s3:GetObject"], [props.ArchiveBucket.ArnForObjects(AuditArchive.DigestPrefix + "*")]),
                // A digest may only be created: without If-None-Match a put could replace the current
                // version of a past digest (Object Lock would keep the old version, but readers see
                // the current one). No delete, no other prefix.
                Statements.Allow(
                    "CreateDigests",
                    ["s3:PutObject"],
                    [props.ArchiveBucket.ArnForObjects(AuditArchive.DigestPrefix + "*")],
                    CreateOnlyCondition.ToDictionary(pair => pair.Key, pair => pair.Value)),
                // The latest pointer, the one digest object rewritten every run (each version is kept).
                Statements.Allow(
                    "MoveLatestPointer",
                    ["s3:PutObject"],
                    [props.ArchiveBucket.ArnForObjects(LatestPointerKey(props.EnvironmentName))]),
                Statements.Allow(
                    "SignDigests",
                    ["kms:Sign"],
                    [props.SigningKey.KeyArn],
                    new Dictionary<string, object>
                    {
                        ["StringEquals"] = SigningConditions.ToDictionary(pair => pair.Key, pair => (object)pair.Value),
                    }),
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
            Description = $"PaymentAudit {props.EnvironmentName} digests: signs every chain's head and stores the chained digest in the archive",
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
                [DigestEnvironment.TableName] = props.Table.TableName,
                [DigestEnvironment.TableArn] = props.Table.TableArn,
                [DigestEnvironment.EnvironmentName] = props.EnvironmentName,
                [DigestEnvironment.ArchiveBucket] = props.ArchiveBucket.BucketName,
                [DigestEnvironment.SigningKeyArn] = props.SigningKey.KeyArn,
                [DigestEnvironment.PeriodSeconds] = ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                [DigestEnvironment.MetricsNamespace] = props.MetricsNamespace,
            },
        });
        // The role's policy must exist before the first scheduled run.
        Function.Node.AddDependency(Policy);

        // Unlike the indexer, a digest run that is not retried leaves a hole: verification reports a
        // gap of more than 1.5 periods as a missing digest. Lambda's retries (about one and three
        // minutes later) make the digest of that period a few minutes late instead. A retry is safe:
        // it links to whatever the failed attempt stored (see S3DigestStore). An event older than one
        // period is superseded by the next scheduled run.
        InvokeConfig = new EventInvokeConfig(this, "InvokeConfig", new EventInvokeConfigProps
        {
            Function = Function,
            RetryAttempts = RetryAttempts,
            MaxEventAge = Duration.Seconds(Math.Clamp(period.TotalSeconds, 60, 6 * 3600)),
        });
    }

    /// <summary>The digest function.</summary>
    public Function Function { get; }

    /// <summary>The digest function's execution role; its only policy is <see cref="Policy"/>.</summary>
    public Role Role { get; }

    /// <summary>The digest function's permissions.</summary>
    public ManagedPolicy Policy { get; }

    /// <summary>The digest function's KMS-encrypted log group.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>Asynchronous invocation settings: two retries, events kept at most one period.</summary>
    public EventInvokeConfig InvokeConfig { get; }

    /// <summary>Key of the pointer to an environment's latest digest (the function's DigestKeys.LatestOf).</summary>
    public static string LatestPointerKey(string environment) => $"{AuditArchive.DigestPrefix}{environment}/latest.json";
}
