using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// Access for the two kinds of people and programs outside the write path: applications that send
/// audit events (a managed policy they attach) and auditors (a read-only role that trusts only the
/// principals named in the environment config).
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
            AssumedBy = AuditorPrincipals(props.AuditorPrincipals),
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

    // IAM users must have signed in with MFA (aws:MultiFactorAuthPresent). Role sessions from IAM
    // Identity Center or SAML/OIDC federation never carry that key, so roles are trusted by ARN alone
    // and MFA is their identity provider's duty. With minimizePolicies, CDK merges the principals of
    // each kind into one trust statement.
    private static CompositePrincipal AuditorPrincipals(IReadOnlyList<string> arns)
    {
        if (arns.Count == 0)
        {
            throw new ArgumentException("The auditor role needs at least one trusted principal.", nameof(arns));
        }

        return new CompositePrincipal([.. arns.Select(arn => IsUserArn(arn)
            ? (IPrincipal)new ArnPrincipal(arn).WithConditions(new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = "true" },
            })
            : new ArnPrincipal(arn))]);
    }

    private static bool IsUserArn(string arn) =>
        arn.Split(':') is [_, _, "iam", _, _, var resource] && resource.StartsWith("user/", StringComparison.Ordinal);
}
