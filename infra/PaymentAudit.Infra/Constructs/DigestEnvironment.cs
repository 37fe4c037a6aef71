namespace PaymentAudit.Infra.Constructs;

/// <summary>Names of the environment variables the digest function reads, as documented by the function.</summary>
public static class DigestEnvironment
{
    /// <summary>Audit table name (required).</summary>
    public const string TableName = "PAYMENTAUDIT_TABLE_NAME";

    /// <summary>Audit table ARN, recorded in every digest (required).</summary>
    public const string TableArn = "PAYMENTAUDIT_TABLE_ARN";

    /// <summary>Environment name: part of every digest's key and the <c>Environment</c> metric dimension (required).</summary>
    public const string EnvironmentName = "PAYMENTAUDIT_ENVIRONMENT";

    /// <summary>Archive bucket the digests are stored in (required).</summary>
    public const string ArchiveBucket = "PAYMENTAUDIT_ARCHIVE_BUCKET";

    /// <summary>ARN of the KMS key that signs the digests (required).</summary>
    public const string SigningKeyArn = "PAYMENTAUDIT_SIGNING_KEY_ARN";

    /// <summary>Seconds between two scheduled digests, written into every digest (required).</summary>
    public const string PeriodSeconds = "PAYMENTAUDIT_DIGEST_PERIOD_SECONDS";

    /// <summary>Namespace of the EMF metrics (function default: PaymentAudit).</summary>
    public const string MetricsNamespace = "PAYMENTAUDIT_METRICS_NAMESPACE";
}
