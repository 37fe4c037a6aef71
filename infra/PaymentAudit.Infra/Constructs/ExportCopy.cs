using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// Copies every table export from the staging bucket into the Object-Locked archive with S3
/// same-region replication: S3 itself writes the copies, so the archive's default retention applies
/// to them without relying on how DynamoDB uploads. No function, no schedule: each object is copied
/// once it is written, delete markers are not copied, and failed copies are counted in the
/// <c>OperationsFailedReplication</c> metric that <see cref="AuditAlarms"/> watches.
/// </summary>
public sealed class ExportCopy : Construct
{
    /// <summary>Id of the replication rule, also a dimension of its metrics.</summary>
    public const string RuleId = "CopyExportsIntoTheArchive";

    /// <summary>Creates the replication role and the staging bucket's replication configuration.</summary>
    public ExportCopy(Construct scope, string id, ExportCopyProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var prefix = AuditArchive.ExportPrefix;

        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: S3 copies the table exports into the archive",
            // Only S3 acting for this account may use the role (confused-deputy guard).
            AssumedBy = new ServicePrincipal("s3.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                },
            }),
        });
        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: replicate exports from the staging bucket into the archive",
            Roles = [Role],
            Statements =
            [
                Statements.Allow("ReadReplicationConfiguration", ["s3:GetReplicationConfiguration", "s3:ListBucket"], [props.Source.BucketArn]),
                Statements.Allow(
                    "ReadExportVersions",
                    ["s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging"],
                    [props.Source.ArnForObjects(prefix + "*")]),
                Statements.Allow("WriteArchiveCopies", ["s3:ReplicateObject", "s3:ReplicateTags"], [props.Destination.ArnForObjects(prefix + "*")]),
                // Both buckets use the data key: decrypt the source objects, encrypt the copies.
                Statements.Allow(
                    "UseDataKeyThroughS3",
                    ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(stack.Region, "s3")),
            ],
        });

        // CDK 2.160's Bucket has no replication property: set it on the CloudFormation resource.
        var source = props.Source.Node.DefaultChild as CfnBucket
            ?? throw new ArgumentException("The source bucket has no CloudFormation bucket resource.", nameof(props));
        source.ReplicationConfiguration = new CfnBucket.ReplicationConfigurationProperty
        {
            Role = Role.RoleArn,
            Rules = new object[]
            {
                new CfnBucket.ReplicationRuleProperty
                {
                    Id = RuleId,
                    Status = "Enabled",
                    Priority = 1,
                    Filter = new CfnBucket.ReplicationRuleFilterProperty { Prefix = prefix },
                    // A delete in staging must never remove an archived copy.
                    DeleteMarkerReplication = new CfnBucket.DeleteMarkerReplicationProperty { Status = "Disabled" },
                    SourceSelectionCriteria = new CfnBucket.SourceSelectionCriteriaProperty
                    {
                        SseKmsEncryptedObjects = new CfnBucket.SseKmsEncryptedObjectsProperty { Status = "Enabled" },
                    },
                    Destination = new CfnBucket.ReplicationDestinationProperty
                    {
                        Bucket = props.Destination.BucketArn,
                        EncryptionConfiguration = new CfnBucket.EncryptionConfigurationProperty { ReplicaKmsKeyId = props.DataKey.KeyArn },
                        // Publishes OperationsFailedReplication, which the export-copy alarm watches.
                        Metrics = new CfnBucket.MetricsProperty { Status = "Enabled" },
                    },
                },
            },
        };

        // Published only for periods in which a copy failed: a missing datapoint means none did.
        FailedCopies = new Metric(new MetricProps
        {
            Namespace = "AWS/S3",
            MetricName = "OperationsFailedReplication",
            DimensionsMap = new Dictionary<string, string>
            {
                ["SourceBucket"] = props.Source.BucketName,
                ["DestinationBucket"] = props.Destination.BucketName,
                ["RuleId"] = RuleId,
            },
            Statistic = Stats.SUM,
            Period = Duration.Minutes(5),
        });
    }

    /// <summary>Export objects S3 failed to copy into the archive.</summary>
    public Metric FailedCopies { get; }

    /// <summary>Role S3 assumes to copy the exports.</summary>
    public Role Role { get; }

    /// <summary>The role's only policy.</summary>
    public ManagedPolicy Policy { get; }
}
