using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// A schedule that calls <c>dynamodb:ExportTableToPointInTime</c> directly (a Scheduler universal
/// target, no Lambda) to write a full export of the table into the archive bucket.
/// </summary>
public sealed class TableExportSchedule : Construct
{
    /// <summary>Creates the role and the schedule.</summary>
    public TableExportSchedule(Construct scope, string id, TableExportScheduleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);

        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: EventBridge Scheduler starts the table export",
            // Only schedules of this account may use the role (confused-deputy guard).
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                },
            }),
        });

        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: export the audit table to the archive bucket",
            Roles = [Role],
            Statements =
            [
                Statements.Allow("ExportAuditTable", ["dynamodb:ExportTableToPointInTime"], [props.Table.TableArn]),
                // DynamoDB writes the export objects with the caller's permissions.
                Statements.Allow(
                    "WriteExportObjects",
                    ["s3:AbortMultipartUpload", "s3:PutObject", "s3:PutObjectAcl"],
                    [props.Bucket.ArnForObjects(AuditArchive.ExportPrefix + "*")]),
                Statements.Allow(
                    "EncryptExportObjects",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(stack.Region, "s3")),
            ],
        });

        Schedule = new CfnSchedule(this, "Schedule", new CfnScheduleProps
        {
            Name = $"PaymentAudit-{props.EnvironmentName}-table-export",
            Description = "Full export of the audit table to the Object-Locked archive bucket",
            ScheduleExpression = props.ScheduleExpression,
            ScheduleExpressionTimezone = "UTC",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                Arn = $"arn:{stack.Partition}:scheduler:::aws-sdk:dynamodb:exportTableToPointInTime",
                RoleArn = Role.RoleArn,
                Input = stack.ToJsonString(new Dictionary<string, object>
                {
                    ["TableArn"] = props.Table.TableArn,
                    ["S3Bucket"] = props.Bucket.BucketName,
                    ["S3BucketOwner"] = stack.Account,
                    ["S3Prefix"] = AuditArchive.ExportPrefix,
                    ["S3SseAlgorithm"] = "KMS",
                    ["S3SseKmsKeyId"] = props.DataKey.KeyArn,
                    ["ExportFormat"] = "DYNAMODB_JSON",
                    ["ExportType"] = "FULL_EXPORT",
                }),
                RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumRetryAttempts = 3, MaximumEventAgeInSeconds = 3600 },
            },
        });
        Schedule.Node.AddDependency(Policy);
    }

    /// <summary>Role the schedule assumes.</summary>
    public Role Role { get; }

    /// <summary>The role's only policy.</summary>
    public ManagedPolicy Policy { get; }

    /// <summary>The schedule.</summary>
    public CfnSchedule Schedule { get; }
}
