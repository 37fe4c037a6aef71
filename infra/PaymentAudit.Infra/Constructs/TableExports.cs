using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// Scheduled exports of the audit table without a Lambda: two EventBridge Scheduler schedules (a
/// daily incremental and a periodic full export) start a Step Functions state machine
/// (<see cref="ExportStateMachineDefinition"/>) that computes the export window, calls
/// <c>dynamodb:ExportTableToPointInTime</c> through the AWS SDK integration and waits for the
/// export to finish. Starts that Scheduler gives up on go to an encrypted dead-letter queue.
/// </summary>
public sealed class TableExports : Construct
{
    /// <summary>Attempts EventBridge Scheduler makes to start an execution before it dead-letters the event.</summary>
    public const int MaximumRetryAttempts = 5;

    /// <summary>Seconds after the scheduled time during which Scheduler keeps retrying.</summary>
    public const int MaximumEventAgeSeconds = 6 * 3600;

    /// <summary>Step Functions metrics of executions that did not succeed.</summary>
    public static readonly IReadOnlyList<string> FailureMetricNames = ["ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted"];

    /// <summary>Creates the state machine, the schedules, their roles and the dead-letter queue.</summary>
    public TableExports(Construct scope, string id, TableExportsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var environment = props.EnvironmentName;

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"paymentaudit-{environment}-export-start-dlq",
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = props.DataKey,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        StateMachineRole = new Role(this, "StateMachineRole", new RoleProps
        {
            Description = $"PaymentAudit {environment}: the export state machine starts and watches table exports",
            AssumedBy = ServicePrincipals.InAccount("states.amazonaws.com", stack.Account),
        });
        StateMachinePolicy = new ManagedPolicy(this, "StateMachinePolicy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment}: export the audit table to the export staging bucket",
            Roles = [StateMachineRole],
            Statements =
            [
                Statements.Allow("ExportAuditTable", ["dynamodb:ExportTableToPointInTime"], [props.Table.TableArn]),
                // Export ARNs are <table ARN>/export/<id>, with the id chosen by DynamoDB.
                Statements.Allow("WatchAuditTableExports", ["dynamodb:DescribeExport"], [$"{props.Table.TableArn}/export/*"]),
                // DynamoDB writes the export objects with the caller's permissions.
                Statements.Allow(
                    "WriteExportObjects",
                    ["s3:AbortMultipartUpload", "s3:PutObject", "s3:PutObjectAcl"],
                    [props.Bucket.ArnForObjects(AuditArchive.ExportPrefix + "*")]),
                Statements.Allow(
                    "UseDataKeyForExport",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(stack.Region, "dynamodb", "s3")),
            ],
        });

        StateMachine = new CfnStateMachine(this, "StateMachine", new CfnStateMachineProps
        {
            StateMachineName = $"PaymentAudit-{environment}-table-export",
            StateMachineType = "STANDARD",
            RoleArn = StateMachineRole.RoleArn,
            DefinitionString = ExportStateMachineDefinition.Build(),
            DefinitionSubstitutions = new Dictionary<string, string>
            {
                ["Partition"] = stack.Partition,
                ["TableArn"] = props.Table.TableArn,
                ["BucketName"] = props.Bucket.BucketName,
                ["BucketOwner"] = stack.Account,
                ["KeyArn"] = props.DataKey.KeyArn,
            },
        });
        StateMachine.Node.AddDependency(StateMachinePolicy);

        SchedulerRole = new Role(this, "SchedulerRole", new RoleProps
        {
            Description = $"PaymentAudit {environment}: EventBridge Scheduler starts the table export state machine",
            AssumedBy = ServicePrincipals.InAccount("scheduler.amazonaws.com", stack.Account),
        });
        SchedulerPolicy = new ManagedPolicy(this, "SchedulerPolicy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment}: start table exports, dead-letter the starts that fail",
            Roles = [SchedulerRole],
            Statements =
            [
                Statements.Allow("StartExport", ["states:StartExecution"], [StateMachine.AttrArn]),
                Statements.Allow("DeadLetterFailedStarts", ["sqs:SendMessage"], [DeadLetterQueue.QueueArn]),
                Statements.Allow(
                    "EncryptThroughDeadLetterQueue",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(stack.Region, "sqs")),
            ],
        });

        IncrementalSchedule = Schedule(
            "IncrementalSchedule",
            $"PaymentAudit-{environment}-incremental-export",
            "Daily incremental export of the previous UTC day",
            props.IncrementalScheduleExpression,
            ExportStateMachineDefinition.Incremental);
        FullSchedule = Schedule(
            "FullSchedule",
            $"PaymentAudit-{environment}-full-export",
            "Periodic full export of the table as of 00:00 UTC of the scheduled day",
            props.FullScheduleExpression,
            ExportStateMachineDefinition.Full);

        var period = Duration.Minutes(5);
        var failures = new Dictionary<string, IMetric>(StringComparer.Ordinal);
        for (var i = 0; i < FailureMetricNames.Count; i++)
        {
            failures[$"e{i}"] = new Metric(new MetricProps
            {
                Namespace = "AWS/States",
                MetricName = FailureMetricNames[i],
                DimensionsMap = new Dictionary<string, string> { ["StateMachineArn"] = StateMachine.AttrArn },
                Statistic = Stats.SUM,
                Period = period,
            });
        }

        // Each series exists only for periods with such an execution; FILL keeps the sum defined.
        FailedExecutions = new MathExpression(new MathExpressionProps
        {
            Expression = string.Join(" + ", failures.Keys.Select(key => $"FILL({key}, 0)")),
            UsingMetrics = failures,
            Label = "Export executions failed, timed out or aborted",
            Period = period,
        });
    }

    /// <summary>The export state machine.</summary>
    public CfnStateMachine StateMachine { get; }

    /// <summary>Role of the state machine.</summary>
    public Role StateMachineRole { get; }

    /// <summary>The state machine role's only policy.</summary>
    public ManagedPolicy StateMachinePolicy { get; }

    /// <summary>Role both schedules assume.</summary>
    public Role SchedulerRole { get; }

    /// <summary>The scheduler role's only policy.</summary>
    public ManagedPolicy SchedulerPolicy { get; }

    /// <summary>Daily incremental export.</summary>
    public CfnSchedule IncrementalSchedule { get; }

    /// <summary>Periodic full export.</summary>
    public CfnSchedule FullSchedule { get; }

    /// <summary>Scheduled starts that failed after every retry.</summary>
    public Queue DeadLetterQueue { get; }

    /// <summary>Failed, timed-out and aborted executions, summed with missing series as zero.</summary>
    public MathExpression FailedExecutions { get; }

    private CfnSchedule Schedule(string id, string name, string description, string expression, string exportType)
    {
        var stack = Stack.Of(this);
        var schedule = new CfnSchedule(this, id, new CfnScheduleProps
        {
            Name = name,
            Description = description,
            ScheduleExpression = expression,
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                Arn = StateMachine.AttrArn,
                RoleArn = SchedulerRole.RoleArn,
                // <aws.scheduler.scheduled-time> is the time the run was due, identical across
                // Scheduler's retries, so every retry asks for the same export window.
                Input = stack.ToJsonString(new Dictionary<string, object>
                {
                    ["exportType"] = exportType,
                    ["scheduledTime"] = "<aws.scheduler.scheduled-time>",
                }),
                RetryPolicy = new CfnSchedule.RetryPolicyProperty
                {
                    MaximumRetryAttempts = MaximumRetryAttempts,
                    MaximumEventAgeInSeconds = MaximumEventAgeSeconds,
                },
                DeadLetterConfig = new CfnSchedule.DeadLetterConfigProperty { Arn = DeadLetterQueue.QueueArn },
            },
        });
        schedule.Node.AddDependency(SchedulerPolicy);
        return schedule;
    }
}
