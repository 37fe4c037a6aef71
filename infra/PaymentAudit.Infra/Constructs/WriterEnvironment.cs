namespace PaymentAudit.Infra.Constructs;

/// <summary>Names of the environment variables the writer reads, as documented by the write path.</summary>
public static class WriterEnvironment
{
    /// <summary>Audit table name (required by the writer).</summary>
    public const string TableName = "PAYMENTAUDIT_TABLE_NAME";

    /// <summary>Archive bucket, where whole payloads of large quarantined messages go (required).</summary>
    public const string ArchiveBucket = "PAYMENTAUDIT_ARCHIVE_BUCKET";

    /// <summary>Environment name, the <c>Environment</c> metric dimension (required).</summary>
    public const string EnvironmentName = "PAYMENTAUDIT_ENVIRONMENT";

    /// <summary>Namespace of the EMF metrics (writer default: PaymentAudit).</summary>
    public const string MetricsNamespace = "PAYMENTAUDIT_METRICS_NAMESPACE";

    /// <summary>Largest event stored inline (writer default: 65536).</summary>
    public const string MaxEventBytes = "PAYMENTAUDIT_MAX_EVENT_BYTES";
}
