namespace PaymentAudit.Infra.Constructs;

/// <summary>Names of the environment variables the history indexer reads, as documented by the indexer.</summary>
public static class IndexerEnvironment
{
    /// <summary>Audit table name (required).</summary>
    public const string TableName = "PAYMENTAUDIT_TABLE_NAME";

    /// <summary>Environment name, the <c>Environment</c> metric dimension (required).</summary>
    public const string EnvironmentName = "PAYMENTAUDIT_ENVIRONMENT";

    /// <summary>Archive bucket that holds the history index (required).</summary>
    public const string ArchiveBucket = "PAYMENTAUDIT_ARCHIVE_BUCKET";

    /// <summary>Namespace of the EMF metrics (indexer default: PaymentAudit).</summary>
    public const string MetricsNamespace = "PAYMENTAUDIT_METRICS_NAMESPACE";

    /// <summary>Key buckets of a new history index (indexer default: 32).</summary>
    public const string HistoryBuckets = "PAYMENTAUDIT_HISTORY_BUCKETS";
}
