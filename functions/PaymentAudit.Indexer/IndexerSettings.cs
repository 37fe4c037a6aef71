using System.Collections;
using PaymentAudit.Storage.Configuration;

namespace PaymentAudit.Indexer;

/// <summary>The indexer's settings, read once from environment variables at start and validated.</summary>
public sealed record IndexerSettings
{
    /// <summary>Variable holding the audit table name (required).</summary>
    public const string TableNameVariable = "PAYMENTAUDIT_TABLE_NAME";

    /// <summary>Variable holding the deployment environment, the metric dimension (required).</summary>
    public const string EnvironmentVariable = "PAYMENTAUDIT_ENVIRONMENT";

    /// <summary>Variable holding the archive bucket that holds the history index (required).</summary>
    public const string ArchiveBucketVariable = "PAYMENTAUDIT_ARCHIVE_BUCKET";

    /// <summary>Variable holding the CloudWatch metric namespace (optional, default <c>PaymentAudit</c>).</summary>
    public const string MetricsNamespaceVariable = "PAYMENTAUDIT_METRICS_NAMESPACE";

    /// <summary>Variable holding the key buckets of a new index (optional, default 32).</summary>
    public const string BucketCountVariable = "PAYMENTAUDIT_HISTORY_BUCKETS";

    /// <summary>Variable pointing the DynamoDB client at an emulator (optional; local runs only).</summary>
    public const string DynamoDbServiceUrlVariable = "PAYMENTAUDIT_DYNAMODB_SERVICE_URL";

    /// <summary>Variable pointing the S3 client at an emulator (optional; local runs only).</summary>
    public const string S3ServiceUrlVariable = "PAYMENTAUDIT_S3_SERVICE_URL";

    /// <summary>The audit table.</summary>
    public required string TableName { get; init; }

    /// <summary>Deployment environment (metric dimension).</summary>
    public required string Environment { get; init; }

    /// <summary>The archive bucket.</summary>
    public required string ArchiveBucket { get; init; }

    /// <summary>CloudWatch metric namespace. Default <c>PaymentAudit</c>.</summary>
    public string MetricsNamespace { get; init; } = "PaymentAudit";

    /// <summary>Key buckets of a new index. Default 32.</summary>
    public int BucketCount { get; init; } = 32;

    /// <summary>DynamoDB endpoint override for emulators; null on AWS.</summary>
    public Uri? DynamoDbServiceUrl { get; init; }

    /// <summary>S3 endpoint override for emulators; null on AWS.</summary>
    public Uri? S3ServiceUrl { get; init; }

    /// <summary>Reads and validates the settings from <paramref name="variables"/>.</summary>
    /// <exception cref="IndexerConfigurationException">Lists every missing or invalid variable.</exception>
    public static IndexerSettings FromEnvironment(IDictionary variables)
    {
        var reader = new EnvironmentReader(variables);
        var settings = new IndexerSettings
        {
            TableName = reader.Required(TableNameVariable, "the audit table's name"),
            Environment = reader.Required(EnvironmentVariable, "e.g. dev, prod; the metric dimension"),
            ArchiveBucket = reader.Required(ArchiveBucketVariable, "the archive bucket that holds the history index"),
            MetricsNamespace = reader.Optional(MetricsNamespaceVariable) ?? "PaymentAudit",
            BucketCount = reader.WholeNumber(BucketCountVariable, 32, 1, 256, "buckets"),
            DynamoDbServiceUrl = reader.Url(DynamoDbServiceUrlVariable),
            S3ServiceUrl = reader.Url(S3ServiceUrlVariable),
        };
        reader.ThrowIfInvalid("PaymentAudit indexer", message => new IndexerConfigurationException(message));
        return settings;
    }
}
