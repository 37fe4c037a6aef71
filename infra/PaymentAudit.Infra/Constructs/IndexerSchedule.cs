using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SQS;
using Constructs;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The EventBridge Scheduler schedule that runs the history indexer, its role (invoke the indexer,
/// nothing else) and an encrypted dead-letter queue for invocations Scheduler could not deliver
/// after its retries, as the export schedules do.
/// </summary>
public sealed class IndexerSchedule : Construct
{
    /// <summary>Attempts Scheduler makes to deliver an invocation before it dead-letters the event.</summary>
    public const int MaximumRetryAttempts = 5;

    /// <summary>Creates the schedule, its role and the dead-letter queue.</summary>
    public IndexerSchedule(Construct scope, string id, IndexerScheduleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var environment = props.EnvironmentName;
        Period = RateExpression.PeriodOf(props.ScheduleExpression)
            ?? throw new ArgumentException($"'{props.ScheduleExpression}' is not a rate expression the config validator accepts.", nameof(props));

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"paymentaudit-{environment}-indexer-start-dlq",
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = props.DataKey,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"PaymentAudit {environment}: EventBridge Scheduler runs the history indexer",
            AssumedBy = ServicePrincipals.InAccount("scheduler.amazonaws.com", stack.Account),
        });
        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment}: invoke the history indexer, dead-letter the invocations that fail",
            Roles = [Role],
            Statements =
            [
                Statements.Allow("InvokeIndexer", ["lambda:InvokeFunction"], [props.Function.FunctionArn]),
                Statements.Allow("DeadLetterFailedInvocations", ["sqs:SendMessage"], [DeadLetterQueue.QueueArn]),
                Statements.Allow(
                    "EncryptThroughDeadLetterQueue",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(stack.Region, "sqs")),
            ],
        });

        Schedule = new CfnSchedule(this, "Schedule", new CfnScheduleProps
        {
            Name = $"PaymentAudit-{environment}-history-index",
            Description = "Runs the history indexer: indexes new chain records into the archive's history index",
            ScheduleExpression = props.ScheduleExpression,
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                // The indexer ignores its input: every run indexes whatever is new.
                Arn = props.Function.FunctionArn,
                RoleArn = Role.RoleArn,
                // A delivery older than one period is superseded by the next scheduled run.
                RetryPolicy = new CfnSchedule.RetryPolicyProperty
                {
                    MaximumRetryAttempts = MaximumRetryAttempts,
                    MaximumEventAgeInSeconds = (int)Math.Clamp(Period.TotalSeconds, 60, 86_400),
                },
                DeadLetterConfig = new CfnSchedule.DeadLetterConfigProperty { Arn = DeadLetterQueue.QueueArn },
            },
        });
        Schedule.Node.AddDependency(Policy);
    }

    /// <summary>Time between two runs.</summary>
    public TimeSpan Period { get; }

    /// <summary>The schedule.</summary>
    public CfnSchedule Schedule { get; }

    /// <summary>Role the schedule assumes.</summary>
    public Role Role { get; }

    /// <summary>The role's only policy.</summary>
    public ManagedPolicy Policy { get; }

    /// <summary>Invocations Scheduler could not deliver after every retry.</summary>
    public Queue DeadLetterQueue { get; }
}
