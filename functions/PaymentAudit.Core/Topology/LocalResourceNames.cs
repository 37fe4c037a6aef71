namespace PaymentAudit.Core.Topology;

/// <summary>
/// Names of the resources the local pipeline provisions on the emulators, shared by the local run
/// that creates them and the auditor's commands that find them (<c>--local</c>).
/// </summary>
public static class LocalResourceNames
{
    /// <summary>Prefix of every local resource name.</summary>
    public const string DefaultPrefix = "paymentaudit-local";

    /// <summary>The audit table.</summary>
    public static string Table(string prefix = DefaultPrefix) => $"{prefix}-audit";

    /// <summary>The FIFO audit queue.</summary>
    public static string Queue(string prefix = DefaultPrefix) => $"{prefix}-audit.fifo";

    /// <summary>The FIFO dead-letter queue.</summary>
    public static string DeadLetterQueue(string prefix = DefaultPrefix) => $"{prefix}-audit-dlq.fifo";

    /// <summary>The archive bucket (lowercase, as S3 bucket names must be).</summary>
    public static string ArchiveBucket(string prefix = DefaultPrefix) => $"{prefix.ToLowerInvariant().Replace('_', '-')}-archive";

    /// <summary>The environment name the local pipeline's digests are made under (<c>digests/local/...</c>).</summary>
    public const string DigestEnvironment = "local";

    /// <summary>File name of the local digest signing key (an ECDSA P-256 PEM) inside the local run's data folder.</summary>
    public const string DigestKeyFile = "digest-signing-key.pem";
}
