using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The Object-Locked archive bucket (table exports, later signed digests) and the bucket that
/// receives its server access logs.
/// </summary>
public sealed class AuditArchive : Construct
{
    /// <summary>Key prefix of the scheduled table exports.</summary>
    public const string ExportPrefix = "exports/";

    /// <summary>Creates both buckets.</summary>
    public AuditArchive(Construct scope, string id, AuditArchiveProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var removal = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        AccessLogBucket = new Bucket(this, "AccessLogBucket", new BucketProps
        {
            // S3 delivers server access logs only to buckets encrypted with SSE-S3.
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            Versioned = true,
            RemovalPolicy = removal,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "ExpireAccessLogs",
                    Expiration = Duration.Days(settings.AccessLogRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(1),
                },
            ],
        });

        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = props.DataKey,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            Versioned = true,
            ObjectLockEnabled = true,
            // Object Lock stays enabled without a lock (dev) so the bucket has the same shape; only
            // the default retention, which makes objects undeletable, depends on the mode.
            ObjectLockDefaultRetention = settings.ObjectLockMode switch
            {
                LockMode.Compliance => ObjectLockRetention.Compliance(Duration.Days(settings.ObjectLockRetentionDays!.Value)),
                LockMode.Governance => ObjectLockRetention.Governance(Duration.Days(settings.ObjectLockRetentionDays!.Value)),
                _ => null,
            },
            ServerAccessLogsBucket = AccessLogBucket,
            ServerAccessLogsPrefix = "archive/",
            RemovalPolicy = removal,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "ArchiveToGlacier",
                    Transitions =
                    [
                        new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(settings.GlacierTransitionDays) },
                    ],
                    NoncurrentVersionTransitions =
                    [
                        new NoncurrentVersionTransition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(settings.GlacierTransitionDays) },
                    ],
                },
            ],
        });
    }

    /// <summary>Versioned, Object-Locked, KMS-encrypted archive bucket.</summary>
    public Bucket Bucket { get; }

    /// <summary>Receives the archive bucket's server access logs.</summary>
    public Bucket AccessLogBucket { get; }
}
