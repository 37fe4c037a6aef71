using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// Access for the two kinds of people and programs outside the write path: applications that send
/// audit events (a managed policy they attach) and auditors (a read-only role).
/// </summary>
public sealed class AuditAccess : Construct
{
    /// <summary>Creates the producer policy and the auditor role.</summary>
    public AuditAccess(Construct scope, string id, AuditAccessProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var region = Stack.Of(this).Region;

        ProducerPolicy = new ManagedPolicy(this, "ProducerPolicy", new ManagedPolicyProps
        {
            ManagedPolicyName = $"PaymentAudit-{props.EnvironmentName}-producer",
            Description = $"PaymentAudit {props.EnvironmentName}: send audit events to the audit queue",
            Statements =
            [
                Statements.Allow("SendAuditEvents", ["sqs:SendMessage"], [props.Queue.QueueArn]),
                // SQS encrypts each message with a data key generated under the queue's CMK.
                Statements.Allow(
                    "EncryptThroughQueue",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "sqs")),
            ],
        });

        AuditorRole = new Role(this, "AuditorRole", new RoleProps
        {
            RoleName = $"PaymentAudit-{props.EnvironmentName}-auditor",
            Description = $"PaymentAudit {props.EnvironmentName}: read-only access to the audit trail and its archive",
            // Any principal of this account that its own IAM policy allows to assume the role.
            AssumedBy = new AccountRootPrincipal(),
            MaxSessionDuration = Duration.Hours(1),
        });

        var indexArns = AuditTopology.Table.GlobalIndexes.Select(index => $"{props.Table.TableArn}/index/{index.Name}");
        AuditorPolicy = new ManagedPolicy(this, "AuditorPolicy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: query the audit table, read the archive, verify digests",
            Roles = [AuditorRole],
            Statements =
            [
                Statements.Allow("ReadAuditTable", ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query"], [props.Table.TableArn]),
                Statements.Allow("QueryAuditTableIndexes", ["dynamodb:Query"], [.. indexArns]),
                Statements.Allow("ListArchive", ["s3:ListBucket", "s3:ListBucketVersions"], [props.ArchiveBucket.BucketArn]),
                Statements.Allow(
                    "ReadArchiveObjects",
                    ["s3:GetObject", "s3:GetObjectLegalHold", "s3:GetObjectRetention", "s3:GetObjectVersion"],
                    [props.ArchiveBucket.ArnForObjects("*")]),
                Statements.Allow(
                    "DecryptThroughTableAndArchive",
                    ["kms:Decrypt"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "dynamodb", "s3")),
                Statements.Allow("VerifyDigestSignatures", ["kms:GetPublicKey", "kms:Verify"], [props.SigningKey.KeyArn]),
            ],
        });
    }

    /// <summary>Managed policy applications attach to send audit events.</summary>
    public ManagedPolicy ProducerPolicy { get; }

    /// <summary>Role auditors assume.</summary>
    public Role AuditorRole { get; }

    /// <summary>The auditor role's only policy.</summary>
    public ManagedPolicy AuditorPolicy { get; }
}
