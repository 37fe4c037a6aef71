using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The alarm topic (KMS, TLS only, optional e-mail subscription) and one alarm per failure mode of
/// the flow: messages stuck or dead-lettered, writer failing or throttled, table throttling or
/// erroring, events rejected, failed or conflicting, backups failing, exports failing or not starting.
/// </summary>
public sealed class AuditAlarms : Construct
{
    /// <summary>Writer EMF metric counting quarantined events.</summary>
    public const string RejectedMetricName = "Rejected";

    /// <summary>Writer EMF metric counting events that repeated a stored event id with different content.</summary>
    public const string ConflictingDuplicateMetricName = "ConflictingDuplicate";

    /// <summary>Writer EMF metric counting events it could not store (returned to the queue for a retry).</summary>
    public const string FailedMetricName = "Failed";

    /// <summary>Dimension the writer puts on its EMF metrics.</summary>
    public const string EnvironmentDimension = "Environment";

    private static readonly Duration Period = Duration.Minutes(5);

    private readonly string alarmNamePrefix;
    private readonly SnsAction topicAction;

    /// <summary>Creates the topic and the alarms.</summary>
    public AuditAlarms(Construct scope, string id, AuditAlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var settings = props.Settings;
        alarmNamePrefix = $"PaymentAudit-{props.EnvironmentName}-";

        Topic = new Topic(this, "Topic", new TopicProps
        {
            DisplayName = $"PaymentAudit {props.EnvironmentName} alarms",
            MasterKey = props.DataKey,
            EnforceSSL = true,
        });
        Topic.AddToResourcePolicy(Statements.AllowPrincipal(
            "CloudWatchAlarmsPublish",
            new ServicePrincipal("cloudwatch.amazonaws.com"),
            ["sns:Publish"],
            [Topic.TopicArn],
            new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["aws:SourceArn"] = $"arn:{stack.Partition}:cloudwatch:{stack.Region}:{stack.Account}:alarm:{alarmNamePrefix}*",
                },
            }));
        if (settings.Email is not null)
        {
            Topic.AddSubscription(new EmailSubscription(settings.Email));
        }

        topicAction = new SnsAction(Topic);

        DeadLetterMessages = Create(
            "DeadLetterMessages",
            "dlq-messages-visible",
            "Messages reached the dead-letter queue: inspect them, fix the cause, then move them back with SQS dead-letter queue redrive.",
            props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM }),
            0);
        OldestMessageAge = Create(
            "OldestMessageAge",
            "queue-oldest-message-age",
            "Audit events wait too long in the queue: the writer is slow, failing or starved of concurrency.",
            props.Queue.MetricApproximateAgeOfOldestMessage(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM }),
            settings.OldestMessageAgeSeconds);
        WriterErrors = Create(
            "WriterErrors",
            "writer-errors",
            "The writer Lambda fails invocations.",
            props.Writer.MetricErrors(new MetricOptions { Period = Period, Statistic = Stats.SUM }),
            settings.WriterErrors);
        WriterThrottles = Create(
            "WriterThrottles",
            "writer-throttles",
            "The writer Lambda is throttled.",
            props.Writer.MetricThrottles(new MetricOptions { Period = Period, Statistic = Stats.SUM }),
            settings.WriterThrottles);
        TableThrottledRequests = Create(
            "TableThrottledRequests",
            "table-throttled-requests",
            "DynamoDB throttles requests on the audit table.",
            TableOperationMetrics.Sum(props.Table, "ThrottledRequests", Period),
            settings.TableThrottledRequests);
        TableSystemErrors = Create(
            "TableSystemErrors",
            "table-system-errors",
            "DynamoDB returns internal errors on the audit table.",
            TableOperationMetrics.Sum(props.Table, "SystemErrors", Period),
            settings.TableSystemErrors);
        // The writer's outcome counts are EMF metrics: a datapoint exists only for a batch that had
        // such an outcome, and every batch that had one publishes it before the invocation ends. A
        // missing datapoint therefore means zero such events, so notBreaching is right for them. A
        // writer that crashes before flushing its metrics shows up in the writer-errors alarm instead.
        Metric WriterCount(string metricName) => new(new MetricProps
        {
            Namespace = props.MetricsNamespace,
            MetricName = metricName,
            DimensionsMap = new Dictionary<string, string> { [EnvironmentDimension] = props.EnvironmentName },
            Statistic = Stats.SUM,
            Period = Period,
        });
        RejectedEvents = Create(
            "RejectedEvents",
            "writer-rejected-events",
            "The writer quarantined events as rejected (invalid, oversize or forbidden content): tell the sending application.",
            WriterCount(RejectedMetricName),
            settings.RejectedEvents);
        ConflictingDuplicates = Create(
            "ConflictingDuplicates",
            "writer-conflicting-duplicates",
            "An event repeated a stored event id with different content: a sender bug or an attempt to rewrite a record. Compare the stored and the new event.",
            WriterCount(ConflictingDuplicateMetricName),
            settings.ConflictingDuplicates);
        FailedEvents = Create(
            "FailedEvents",
            "writer-failed-events",
            "The writer could not store events (throttling, DynamoDB errors, timeouts) and returned them to the queue; repeated failures end in the dead-letter queue.",
            WriterCount(FailedMetricName),
            settings.FailedEvents);
        BackupJobsFailed = Create(
            "BackupJobsFailed",
            "backup-jobs-failed",
            "An AWS Backup job of the audit table failed.",
            new Metric(new MetricProps
            {
                Namespace = "AWS/Backup",
                MetricName = "NumberOfBackupJobsFailed",
                DimensionsMap = new Dictionary<string, string> { ["BackupVaultName"] = props.Vault.BackupVaultName },
                Statistic = Stats.SUM,
                Period = Duration.Hours(1),
            }),
            0);
        // Step Functions publishes these only for executions that ended that way: missing means none.
        ExportFailed = Create(
            "ExportFailed",
            "table-export-failed",
            "A table export failed, timed out or was aborted: read the execution's history in Step Functions and the export's FailureMessage, then start the export again for the same scheduled time.",
            props.ExportFailures,
            0);
        ExportCopyFailed = Create(
            "ExportCopyFailed",
            "table-export-copy-failed",
            "S3 could not copy export objects from the staging bucket into the Object-Locked archive: check the replication role, the key policy and the archive bucket; then re-copy the failed objects with S3 Batch Replication.",
            props.ExportCopyFailures,
            0);
        ExportNotStarted = Create(
            "ExportNotStarted",
            "table-export-not-started",
            "EventBridge Scheduler could not start a table export after its retries; the event is in the export dead-letter queue. Start the state machine with the event's input, then delete the message.",
            props.ExportDeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM }),
            0);
    }

    /// <summary>Topic every alarm notifies on alarm and on recovery.</summary>
    public Topic Topic { get; }

    /// <summary>Any message visible in the dead-letter queue.</summary>
    public Alarm DeadLetterMessages { get; }

    /// <summary>Age of the oldest message in the audit queue.</summary>
    public Alarm OldestMessageAge { get; }

    /// <summary>Writer invocation errors.</summary>
    public Alarm WriterErrors { get; }

    /// <summary>Writer throttles.</summary>
    public Alarm WriterThrottles { get; }

    /// <summary>DynamoDB throttled requests on the table.</summary>
    public Alarm TableThrottledRequests { get; }

    /// <summary>DynamoDB system errors on the table.</summary>
    public Alarm TableSystemErrors { get; }

    /// <summary>The writer's <c>Rejected</c> metric.</summary>
    public Alarm RejectedEvents { get; }

    /// <summary>The writer's <c>ConflictingDuplicate</c> metric.</summary>
    public Alarm ConflictingDuplicates { get; }

    /// <summary>The writer's <c>Failed</c> metric.</summary>
    public Alarm FailedEvents { get; }

    /// <summary>Failed AWS Backup jobs in the vault.</summary>
    public Alarm BackupJobsFailed { get; }

    /// <summary>Export executions that failed, timed out or were aborted.</summary>
    public Alarm ExportFailed { get; }

    /// <summary>Export objects that S3 replication failed to copy into the archive.</summary>
    public Alarm ExportCopyFailed { get; }

    /// <summary>Scheduled exports that EventBridge Scheduler could not start.</summary>
    public Alarm ExportNotStarted { get; }

    /// <summary>All alarms, for the dashboard.</summary>
    public IReadOnlyList<Alarm> All =>
    [
        DeadLetterMessages, OldestMessageAge, WriterErrors, WriterThrottles, TableThrottledRequests, TableSystemErrors,
        RejectedEvents, ConflictingDuplicates, FailedEvents, BackupJobsFailed, ExportFailed, ExportCopyFailed, ExportNotStarted,
    ];

    private Alarm Create(string id, string name, string description, IMetric metric, double threshold)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = alarmNamePrefix + name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(topicAction);
        alarm.AddOkAction(topicAction);
        return alarm;
    }
}
