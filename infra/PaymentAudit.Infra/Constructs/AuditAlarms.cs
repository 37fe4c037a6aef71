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
/// erroring, events rejected, failed or conflicting, the history index failing, reporting a chain
/// that does not link, not advancing or not started, digests failing, not written or not started,
/// backups failing, exports failing or not starting.
/// </summary>
public sealed class AuditAlarms : Construct
{
    /// <summary>Writer EMF metric counting quarantined events.</summary>
    public const string RejectedMetricName = "Rejected";

    /// <summary>Writer EMF metric counting events that repeated a stored event id with different content.</summary>
    public const string ConflictingDuplicateMetricName = "ConflictingDuplicate";

    /// <summary>Writer EMF metric counting events it could not store (returned to the queue for a retry).</summary>
    public const string FailedMetricName = "Failed";

    /// <summary>Indexer EMF metric counting chains whose next record does not link to the last indexed one.</summary>
    public const string IndexProblemsMetricName = "IndexProblems";

    /// <summary>Digest function EMF metric: 1 for every digest it stored.</summary>
    public const string DigestsWrittenMetricName = "DigestsWritten";

    /// <summary>Dimension the writer, the indexer and the digest function put on their EMF metrics.</summary>
    public const string EnvironmentDimension = "Environment";

    private static readonly Duration Period = Duration.Minutes(5);

    // The indexer runs a few times an hour: its failures and problems are counted per hour.
    private static readonly Duration IndexerAlarmPeriod = Duration.Hours(1);

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
            $"Messages reached the dead-letter queue: list them with 'paymentaudit dlq list --env {props.EnvironmentName}' (auditor role), fix the cause, "
                + $"then move them back with 'paymentaudit dlq redrive --env {props.EnvironmentName}' (operator role).",
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
        // The indexer publishes Lambda Errors (0 or 1 per run) and IndexProblems only when it runs,
        // so most periods have no datapoint. Missing data keeps the alarm's state: a failed run or a
        // broken chain stays in ALARM until a later run reports otherwise, instead of flapping to OK
        // between runs. A run that never comes is index-not-advancing's business.
        IndexerErrors = Create(
            "IndexerErrors",
            "indexer-errors",
            "History indexer runs failed: read the indexer's log. The next scheduled run indexes what a failed one left; failures do not lose records, they delay the history index.",
            props.Indexer.MetricErrors(new MetricOptions { Period = IndexerAlarmPeriod, Statistic = Stats.SUM }),
            settings.IndexerErrors,
            missingData: TreatMissingData.IGNORE);
        IndexProblems = Create(
            "IndexProblems",
            "index-problems",
            "The history indexer found a chain whose next record does not link to the last indexed one (a gap, a changed prevHash or a hash that does not match): a tamper signal. The chain stops advancing in the index. Run chain verification on the chains named in the indexer's log.",
            new Metric(new MetricProps
            {
                Namespace = props.MetricsNamespace,
                MetricName = IndexProblemsMetricName,
                DimensionsMap = new Dictionary<string, string> { [EnvironmentDimension] = props.EnvironmentName },
                // Every run reports the chains it could not advance, so the same chain repeats run
                // after run: the worst run of the hour counts them once.
                Statistic = Stats.MAXIMUM,
                Period = IndexerAlarmPeriod,
            }),
            settings.IndexProblems,
            missingData: TreatMissingData.IGNORE);
        IndexNotAdvancing = CreateIndexNotAdvancing(props);
        IndexerNotStarted = Create(
            "IndexerNotStarted",
            "indexer-not-started",
            "EventBridge Scheduler could not invoke the history indexer after its retries; the event is in the indexer dead-letter queue. Check the schedule's role and the function, then delete the message (the next run indexes everything new).",
            props.IndexerDeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM }),
            0);
        // Lambda publishes the digest function's Errors only for periods with a run; missing data
        // keeps the state, so a failed run stays in ALARM until a later run succeeds (as for the
        // indexer). Any failed run counts: an unretried failure is a hole in the digest sequence.
        DigestErrors = Create(
            "DigestErrors",
            "digest-errors",
            "Digest runs failed: read the digest function's log (its error record names the cause). Lambda retries a failed run twice; if every attempt failed, that period has no digest and verification reports the gap. Fix the cause (signing key disabled or its policy changed, archive or table permissions, an unreadable latest digest) before the next period.",
            props.Digest.MetricErrors(new MetricOptions { Period = Duration.Seconds(props.DigestPeriod.TotalSeconds), Statistic = Stats.SUM }),
            1,
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            missingData: TreatMissingData.IGNORE);
        DigestNotWritten = CreateDigestNotWritten(props);
        DigestNotStarted = Create(
            "DigestNotStarted",
            "digest-not-started",
            "EventBridge Scheduler could not invoke the digest function after its retries; the event is in the digest dead-letter queue. Check the schedule's role and the function, invoke the function once by hand (the DigestFunctionName output) so the gap stays short, then delete the message.",
            props.DigestDeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM }),
            0);
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

    /// <summary>Failed history indexer runs.</summary>
    public Alarm IndexerErrors { get; }

    /// <summary>The indexer's <c>IndexProblems</c> metric: chains that do not link.</summary>
    public Alarm IndexProblems { get; }

    /// <summary>No successful indexer run for two schedule periods.</summary>
    public Alarm IndexNotAdvancing { get; }

    /// <summary>Scheduled indexer runs that EventBridge Scheduler could not start.</summary>
    public Alarm IndexerNotStarted { get; }

    /// <summary>Failed digest runs.</summary>
    public Alarm DigestErrors { get; }

    /// <summary>No digest stored for two digest periods.</summary>
    public Alarm DigestNotWritten { get; }

    /// <summary>Scheduled digest runs that EventBridge Scheduler could not start.</summary>
    public Alarm DigestNotStarted { get; }

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
        RejectedEvents, ConflictingDuplicates, FailedEvents, IndexerErrors, IndexProblems, IndexNotAdvancing, IndexerNotStarted,
        DigestErrors, DigestNotWritten, DigestNotStarted, BackupJobsFailed, ExportFailed, ExportCopyFailed, ExportNotStarted,
    ];

    // A run that succeeded is an invocation without an error. Both Lambda series exist only for
    // periods with an invocation, and a stopped indexer produces exactly that: no data. Treating
    // missing data as breaching is not enough on its own, because CloudWatch applies it only when
    // fewer real datapoints than evaluation periods are in its (longer) evaluation range: the last
    // successful runs would keep the alarm OK for several periods after the indexer stopped. FILL
    // turns every quiet period into 0 successful runs, so two consecutive periods without one
    // breach. If neither series has any datapoint in the whole range, the expression has none
    // either, and breaching treats that as the stopped indexer it is. Two periods, not one, because
    // a run that starts just before a period boundary can leave one period empty.
    private Alarm CreateIndexNotAdvancing(AuditAlarmsProps props)
    {
        var period = Duration.Seconds(props.IndexerSchedulePeriod.TotalSeconds);
        return Create(
            "IndexNotAdvancing",
            "index-not-advancing",
            "The history indexer has not completed a run for two schedule periods: it is failing, throttled or not invoked. Auditors' history queries still answer completely (they read unindexed records directly) but more slowly. Read the indexer's log and the indexer-errors and indexer-not-started alarms.",
            new MathExpression(new MathExpressionProps
            {
                Expression = "FILL(invocations, 0) - FILL(errors, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["invocations"] = props.Indexer.MetricInvocations(new MetricOptions { Period = period, Statistic = Stats.SUM }),
                    ["errors"] = props.Indexer.MetricErrors(new MetricOptions { Period = period, Statistic = Stats.SUM }),
                },
                Label = "Successful indexer runs",
                Period = period,
            }),
            1,
            ComparisonOperator.LESS_THAN_THRESHOLD,
            evaluationPeriods: 2,
            missingData: TreatMissingData.BREACHING);
    }

    // The digest function publishes DigestsWritten = 1 for every digest it stores, and nothing
    // otherwise. CloudWatch evaluates every minute over a window that ends at that minute, so one
    // window of two periods holds about two digests while they are made, and none once they stop.
    // A window without a digest has no datapoint at all, and missing data treated as breaching is
    // not enough alone (see index-not-advancing): FILL turns it into 0, and a range with no datapoint
    // at all is breaching. Two periods, not one, so that a run late by a few minutes does not fire it.
    private Alarm CreateDigestNotWritten(AuditAlarmsProps props)
    {
        var window = Duration.Seconds(props.DigestPeriod.TotalSeconds * 2);
        return Create(
            "DigestNotWritten",
            "digest-not-written",
            "No digest was stored for two digest periods: the digest function is failing, throttled or not invoked, and verification will report the gap. Read the digest function's log and the digest-errors and digest-not-started alarms; records written meanwhile are not yet covered by a signed digest.",
            new MathExpression(new MathExpressionProps
            {
                Expression = "FILL(digests, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["digests"] = new Metric(new MetricProps
                    {
                        Namespace = props.MetricsNamespace,
                        MetricName = DigestsWrittenMetricName,
                        DimensionsMap = new Dictionary<string, string> { [EnvironmentDimension] = props.EnvironmentName },
                        Statistic = Stats.SUM,
                        Period = window,
                    }),
                },
                Label = "Digests stored",
                Period = window,
            }),
            1,
            ComparisonOperator.LESS_THAN_THRESHOLD,
            missingData: TreatMissingData.BREACHING);
    }

    private Alarm Create(
        string id,
        string name,
        string description,
        IMetric metric,
        double threshold,
        ComparisonOperator? comparison = null,
        int evaluationPeriods = 1,
        TreatMissingData? missingData = null)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = alarmNamePrefix + name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = evaluationPeriods,
            // Every period of the evaluation must breach; left out for single-period alarms.
            DatapointsToAlarm = evaluationPeriods > 1 ? evaluationPeriods : null,
            TreatMissingData = missingData ?? TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(topicAction);
        alarm.AddOkAction(topicAction);
        return alarm;
    }
}
