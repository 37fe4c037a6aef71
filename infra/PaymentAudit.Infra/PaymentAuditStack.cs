using System.Diagnostics.CodeAnalysis;
using Amazon.CDK;
using Constructs;
using PaymentAudit.Infra.Bundling;
using PaymentAudit.Infra.Configuration;
using PaymentAudit.Infra.Constructs;

namespace PaymentAudit.Infra;

/// <summary>
/// One deployment of the audit trail (<c>PaymentAudit-&lt;environment&gt;</c>): wires the constructs
/// together; every decision that differs between environments comes from <see cref="EnvironmentConfig"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "A CDK Stack subclass; 'Stack' is the domain term, not a collection.")]
public sealed class PaymentAuditStack : Stack
{
    /// <summary>Lambda's recommendation: the visibility timeout is at least six times the function timeout.</summary>
    public const int VisibilityTimeoutFactor = 6;

    /// <summary>Creates the stack for <paramref name="config"/>.</summary>
    public PaymentAuditStack(Construct scope, EnvironmentConfig config, RepositoryLayout layout)
        : base(scope, NameFor(config?.Name ?? throw new ArgumentNullException(nameof(config))), new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = config.Account, Region = config.Region },
            Description = $"PaymentAudit tamper-evident audit trail ({config.Name})",
            TerminationProtection = config.TerminationProtection,
            // Keeps the construct-usage metadata resource out of the reviewed templates.
            AnalyticsReporting = false,
        })
    {
        ArgumentNullException.ThrowIfNull(layout);
        Config = config;
        var environment = config.Name;
        var retain = config.RetainDataOnDelete;
        var tags = new Dictionary<string, string>
        {
            ["Application"] = "PaymentAudit",
            ["Environment"] = environment,
            ["DataClassification"] = config.DataClassification,
        };
        foreach (var (key, value) in tags)
        {
            Amazon.CDK.Tags.Of(this).Add(key, value);
        }

        Keys = new AuditKeys(this, "Keys", new AuditKeysProps(environment, retain));
        Table = new AuditTable(this, "Table", new AuditTableProps(
            Keys.DataKey,
            retain,
            config.Table.DeletionProtection,
            WriterRoleName.ArnFor(this, environment),
            tags));
        Queues = new AuditQueues(this, "Queues", new AuditQueuesProps(
            environment,
            Keys.DataKey,
            config.Queue.MaxReceiveCount,
            Duration.Seconds(config.Writer.TimeoutSeconds * VisibilityTimeoutFactor),
            retain));
        Archive = new AuditArchive(this, "Archive", new AuditArchiveProps(config.Archive, Keys.DataKey, retain));
        Writer = new WriterFunction(this, "Writer", new WriterFunctionProps(
            environment,
            config.Writer,
            FunctionCode.FromProject(layout, layout.WriterProject),
            Table.Table,
            Queues.Queue,
            Archive.Bucket,
            Keys.DataKey,
            retain));
        Indexer = new IndexerFunction(this, "Indexer", new IndexerFunctionProps(
            environment,
            config.Indexer,
            config.Writer.MetricsNamespace,
            FunctionCode.FromProject(layout, layout.IndexerProject),
            Table.Table,
            Archive.Bucket,
            Keys.DataKey,
            retain));
        IndexerSchedule = new FunctionSchedule(this, "IndexerSchedule", new FunctionScheduleProps(
            environment,
            config.Indexer.Schedule,
            RateExpression.PeriodOf(config.Indexer.Schedule)
                ?? throw new ArgumentException($"'{config.Indexer.Schedule}' is not a rate expression the config validator accepts.", nameof(config)),
            Indexer.Function,
            Keys.DataKey,
            retain,
            Runs: "the history indexer",
            ResourceName: "indexer",
            ScheduleName: "history-index",
            InvokeStatementId: "InvokeIndexer",
            ScheduleDescription: "Runs the history indexer: indexes new chain records into the archive's history index"));
        Digest = new DigestFunction(this, "Digest", new DigestFunctionProps(
            environment,
            config.Digests,
            config.Writer.MetricsNamespace,
            FunctionCode.FromProject(layout, layout.DigestProject),
            Table.Table,
            Archive.Bucket,
            Keys.DataKey,
            Keys.SigningKey,
            retain));
        DigestSchedule = new FunctionSchedule(this, "DigestSchedule", new FunctionScheduleProps(
            environment,
            FunctionSchedule.RateOf(config.Digests.PeriodMinutes),
            TimeSpan.FromMinutes(config.Digests.PeriodMinutes),
            Digest.Function,
            Keys.DataKey,
            retain,
            Runs: "the digest function",
            ResourceName: "digest",
            ScheduleName: "digest",
            InvokeStatementId: "InvokeDigestFunction",
            ScheduleDescription: "Runs the digest function: signs every chain's head and stores the chained digest in the archive"));
        Export = new TableExports(this, "Export", new TableExportsProps(
            environment,
            config.Archive.IncrementalExportSchedule,
            config.Archive.FullExportSchedule,
            Table.Table,
            Archive.ExportStagingBucket,
            Keys.DataKey,
            retain));
        ExportCopy = new ExportCopy(this, "ExportCopy", new ExportCopyProps(
            environment, Archive.ExportStagingBucket, Archive.Bucket, Keys.DataKey));
        Backup = new AuditBackup(this, "Backup", new AuditBackupProps(environment, config.Backup, Table.Table, Keys.DataKey, retain));
        Parameters = new TargetParameters(this, "Parameters", new TargetParametersProps(
            environment, Table.Table, Queues.Queue, Queues.DeadLetterQueue, Archive.Bucket, Keys.SigningKey));
        Access = new AuditAccess(this, "Access", new AuditAccessProps(
            environment,
            Queues.Queue,
            Queues.DeadLetterQueue,
            Table.Table,
            Archive.Bucket,
            Keys.DataKey,
            Keys.SigningKey,
            Parameters.All,
            config.Access.AuditorPrincipals,
            config.Access.OperatorPrincipals));
        HttpApi = new AuditHttpApi(this, "HttpApi", new AuditHttpApiProps(
            environment, config.Http, config.Writer.MetricsNamespace, Queues.Queue, Keys.DataKey, retain));
        Alarms = new AuditAlarms(this, "Alarms", new AuditAlarmsProps(
            environment,
            config.Alarms,
            config.Writer.MetricsNamespace,
            Keys.DataKey,
            Queues.Queue,
            Queues.DeadLetterQueue,
            Writer.Function,
            Indexer.Function,
            IndexerSchedule.Period,
            IndexerSchedule.DeadLetterQueue,
            Digest.Function,
            DigestSchedule.Period,
            DigestSchedule.DeadLetterQueue,
            Table.Table,
            Backup.Vault,
            Export.FailedExecutions,
            ExportCopy.FailedCopies,
            Export.DeadLetterQueue,
            config.Http,
            HttpApi));
        Dashboard = new AuditDashboard(this, "Dashboard", new AuditDashboardProps(
            environment,
            config.Writer.MetricsNamespace,
            Queues.Queue,
            Queues.DeadLetterQueue,
            Writer.Function,
            Indexer.Function,
            Digest.Function,
            Table.Table,
            Alarms.All));

        Output("QueueUrl", Queues.Queue.QueueUrl, "URL producers send audit events to");
        Output("QueueArn", Queues.Queue.QueueArn, "ARN of the audit queue");
        Output("DeadLetterQueueUrl", Queues.DeadLetterQueue.QueueUrl, "URL of the dead-letter queue (inspect and redrive)");
        Output("TableName", Table.Table.TableName, "Name of the audit table");
        Output("IndexerFunctionName", Indexer.Function.FunctionName, "History indexer function (invoke it to index now)");
        Output("DigestFunctionName", Digest.Function.FunctionName, "Digest function (invoke it to make a digest now)");
        Output("ProducerPolicyArn", Access.ProducerPolicy.ManagedPolicyArn, "Managed policy applications attach to send audit events");
        Output("AuditorRoleArn", Access.AuditorRole.RoleArn, "Role auditors assume for read-only access");
        Output("OperatorRoleArn", Access.OperatorRole.RoleArn, "Role operators assume to redrive the dead-letter queue");
        Output("ArchiveBucketName", Archive.Bucket.BucketName, "Object-Locked archive bucket");
        Output("ExportStagingBucketName", Archive.ExportStagingBucket.BucketName, "Bucket the table exports are written to");
        Output("ExportStateMachineArn", Export.StateMachine.AttrArn, "State machine that runs the table exports (start it to re-run one)");
        Output("SigningKeyArn", Keys.SigningKey.KeyArn, "KMS key that signs chain-head digests");
        Output("AlarmTopicArn", Alarms.Topic.TopicArn, "SNS topic of the alarms");
        Output("HttpEndpoint", HttpApi.EventsUrl, "URL of POST /v1/events (SigV4, service execute-api); the batch route is /v1/events/batch");
    }

    /// <summary>The environment this stack deploys.</summary>
    public EnvironmentConfig Config { get; }

    /// <summary>Data and signing keys.</summary>
    public AuditKeys Keys { get; }

    /// <summary>Audit table.</summary>
    public AuditTable Table { get; }

    /// <summary>Audit queue and dead-letter queue.</summary>
    public AuditQueues Queues { get; }

    /// <summary>Archive, export staging and access-log buckets.</summary>
    public AuditArchive Archive { get; }

    /// <summary>Writer Lambda.</summary>
    public WriterFunction Writer { get; }

    /// <summary>History indexer Lambda.</summary>
    public IndexerFunction Indexer { get; }

    /// <summary>Schedule that runs the history indexer.</summary>
    public FunctionSchedule IndexerSchedule { get; }

    /// <summary>Digest Lambda.</summary>
    public DigestFunction Digest { get; }

    /// <summary>Schedule that runs the digest function.</summary>
    public FunctionSchedule DigestSchedule { get; }

    /// <summary>Scheduled table exports.</summary>
    public TableExports Export { get; }

    /// <summary>Replication of the exports into the archive.</summary>
    public ExportCopy ExportCopy { get; }

    /// <summary>AWS Backup vault and plan.</summary>
    public AuditBackup Backup { get; }

    /// <summary>SSM parameters the auditor's command line finds this stack by.</summary>
    public TargetParameters Parameters { get; }

    /// <summary>Producer policy, auditor role and operator role.</summary>
    public AuditAccess Access { get; }

    /// <summary>HTTP ingestion API in front of the audit queue.</summary>
    public AuditHttpApi HttpApi { get; }

    /// <summary>Alarm topic and alarms.</summary>
    public AuditAlarms Alarms { get; }

    /// <summary>Flow dashboard.</summary>
    public AuditDashboard Dashboard { get; }

    /// <summary>CloudFormation stack name of an environment.</summary>
    public static string NameFor(string environment) => $"PaymentAudit-{environment}";

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
