using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The Object-Locked archive bucket (copies of the table exports, whole payloads of quarantined
/// messages, the history index, signed digests), the staging bucket DynamoDB writes the table
/// exports to, and the bucket that receives both buckets' server access logs.
/// </summary>
/// <remarks>
/// Exports land in a staging bucket without Object Lock because AWS does not document that DynamoDB
/// export can write into a bucket with Object Lock default retention, where every upload needs a
/// Content-MD5 or checksum header; <see cref="ExportCopy"/> replicates them into the archive (see
/// docs/infrastructure.md, "Exports").
/// </remarks>
public sealed class AuditArchive : Construct
{
    /// <summary>Key prefix of the scheduled table exports.</summary>
    public const string ExportPrefix = "exports/";

    /// <summary>Key prefix under which the writer archives whole payloads of quarantined messages.</summary>
    public const string QuarantinePrefix = "quarantine/";

    /// <summary>Key prefix of the history index (manifest and segments) that the indexer maintains.</summary>
    public const string HistoryPrefix = "history/";

    /// <summary>Key prefix of the signed chain-head digests that the digest function writes and auditors verify.</summary>
    public const string DigestPrefix = "digests/";

    /// <summary>Days after which S3 aborts a multipart upload that never completed, freeing its parts.</summary>
    public const int AbortIncompleteUploadDays = 7;

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
                    AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays),
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
            LifecycleRules = ArchiveLifecycle(settings),
        });

        ExportStagingBucket = new Bucket(this, "ExportStagingBucket", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = props.DataKey,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            Versioned = true,
            ServerAccessLogsBucket = AccessLogBucket,
            ServerAccessLogsPrefix = "export-staging/",
            RemovalPolicy = removal,
            LifecycleRules =
            [
                // The archive keeps the replicated copy under Object Lock; the staging copy only
                // has to outlive a failed replication long enough to repeat it.
                new LifecycleRule
                {
                    Id = "ExpireStagedExports",
                    Expiration = Duration.Days(settings.ExportStagingRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(1),
                },
                new LifecycleRule
                {
                    Id = "AbortIncompleteMultipartUploads",
                    AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays),
                },
            ],
        });
    }

    /// <summary>Versioned, Object-Locked, KMS-encrypted archive bucket.</summary>
    public Bucket Bucket { get; }

    /// <summary>
    /// Versioned, KMS-encrypted bucket DynamoDB writes the table exports to (no Object Lock). Objects
    /// expire after the configured staging retention, by which time S3 replication has copied them
    /// into <see cref="Bucket"/> or the export-copy alarm has reported that it could not.
    /// </summary>
    public Bucket ExportStagingBucket { get; }

    /// <summary>Receives the server access logs of the archive and staging buckets.</summary>
    public Bucket AccessLogBucket { get; }

    /// <summary>
    /// Prefixes whose objects move to Glacier Flexible Retrieval after the configured days: export
    /// copies and quarantined payloads, read rarely and restored when needed. The history index
    /// (<see cref="HistoryPrefix"/>) stays in S3 Standard: the indexer reads and merges its segments
    /// and auditors' history queries read every segment a query spans, which a Glacier object
    /// would refuse until restored. The digests (<see cref="DigestPrefix"/>) stay in Standard too:
    /// each run reads the latest one, and verification reads every digest. S3 lifecycle filters
    /// cannot exclude a prefix, so the rules name the prefixes that do move; objects under any
    /// other prefix stay in Standard. Object Lock's default retention covers every object whatever
    /// its prefix or storage class.
    /// </summary>
    public static readonly IReadOnlyList<string> GlacierPrefixes = [ExportPrefix, QuarantinePrefix];

    // Objects are never expired here; unfinished multipart uploads (an export or a copy that died
    // midway) are aborted so their parts stop costing storage.
    private static LifecycleRule[] ArchiveLifecycle(ArchiveConfig settings) =>
    [
        .. GlacierPrefixes.Select(prefix => new LifecycleRule
        {
            Id = $"Archive{char.ToUpperInvariant(prefix[0])}{prefix[1..^1]}ToGlacier",
            Prefix = prefix,
            Transitions =
            [
                new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(settings.GlacierTransitionDays) },
            ],
            NoncurrentVersionTransitions =
            [
                new NoncurrentVersionTransition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(settings.GlacierTransitionDays) },
            ],
        }),
        new LifecycleRule
        {
            Id = "AbortIncompleteMultipartUploads",
            AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays),
        },
    ];
}
