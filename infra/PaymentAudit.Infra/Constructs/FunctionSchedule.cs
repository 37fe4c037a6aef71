using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// An EventBridge Scheduler schedule that runs one function on a fixed rate (the history indexer,
/// the digest function), its role (invoke that function, nothing else) and an encrypted dead-letter
/// queue for invocations Scheduler could not deliver after its retries, as the export schedules do.
/// </summary>
public sealed class FunctionSchedule : Construct
{
    /// <summary>Attempts Scheduler makes to deliver an invocation before it dead-letters the event.</summary>
    public const int MaximumRetryAttempts = 5;

    /// <summary>Creates the schedule, its role and the dead-letter queue.</summary>
    public FunctionSchedule(Construct scope, string id, FunctionScheduleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var environment = props.EnvironmentName;
        Period = props.Period;

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"paymentaudit-{environment}-{props.ResourceName}-start-dlq",
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = props.DataKey,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"PaymentAudit {environment}: EventBridge Scheduler runs {props.Runs}",
            AssumedBy = ServicePrincipals.InAccount("scheduler.amazonaws.com", stack.Account),
        });
        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment}: invoke {props.Runs}, dead-letter the invocations that fail",
            Roles = [Role],
            Statements =
            [
                Statements.Allow(props.InvokeStatementId, ["lambda:InvokeFunction"], [props.Function.FunctionArn]),
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
            Name = $"PaymentAudit-{environment}-{props.ScheduleName}",
            Description = props.ScheduleDescription,
            ScheduleExpression = props.ScheduleExpression,
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                // The functions ignore their input: each run works on the table as it is then.
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

    /// <summary>The Scheduler rate expression of a period in minutes, e.g. <c>rate(60 minutes)</c>.</summary>
    public static string RateOf(int minutes) =>
        minutes == 1 ? "rate(1 minute)" : $"rate({minutes.ToString(CultureInfo.InvariantCulture)} minutes)";
}
