using System.Collections;
using PaymentAudit.Storage.Configuration;

namespace PaymentAudit.Writer.Configuration;

/// <summary>
/// The writer's settings, read once from environment variables at start and validated; a
/// missing or malformed value stops the function with a message naming the variable.
/// </summary>
public sealed record WriterSettings
{
    /// <summary>Variable holding the audit table name (required).</summary>
    public const string TableNameVariable = "PAYMENTAUDIT_TABLE_NAME";

    /// <summary>Variable holding the deployment environment, used as the metric dimension (required).</summary>
    public const string EnvironmentVariable = "PAYMENTAUDIT_ENVIRONMENT";

    /// <summary>Variable holding the archive bucket, where whole payloads of large quarantined messages go (required).</summary>
    public const string ArchiveBucketVariable = "PAYMENTAUDIT_ARCHIVE_BUCKET";

    /// <summary>Variable holding the CloudWatch metric namespace (optional, default <c>PaymentAudit</c>).</summary>
    public const string MetricsNamespaceVariable = "PAYMENTAUDIT_METRICS_NAMESPACE";

    /// <summary>Variable holding the largest accepted event in bytes (optional, default 65536).</summary>
    public const string MaxEventBytesVariable = "PAYMENTAUDIT_MAX_EVENT_BYTES";

    /// <summary>Variable pointing the DynamoDB client at an emulator (optional; local runs only).</summary>
    public const string DynamoDbServiceUrlVariable = "PAYMENTAUDIT_DYNAMODB_SERVICE_URL";

    /// <summary>Variable pointing the S3 client at an emulator (optional; local runs only).</summary>
    public const string S3ServiceUrlVariable = "PAYMENTAUDIT_S3_SERVICE_URL";

    /// <summary>The audit table.</summary>
    public required string TableName { get; init; }

    /// <summary>Deployment environment (metric dimension).</summary>
    public required string Environment { get; init; }

    /// <summary>The archive bucket (quarantined payloads larger than the record's preview).</summary>
    public required string ArchiveBucket { get; init; }

    /// <summary>CloudWatch metric namespace. Default <c>PaymentAudit</c>.</summary>
    public string MetricsNamespace { get; init; } = "PaymentAudit";

    /// <summary>Largest accepted event in UTF-8 bytes. Default 65,536.</summary>
    public int MaxEventBytes { get; init; } = 65_536;

    /// <summary>DynamoDB endpoint override for emulators; null on AWS.</summary>
    public Uri? DynamoDbServiceUrl { get; init; }

    /// <summary>S3 endpoint override for emulators (path-style addressing); null on AWS.</summary>
    public Uri? S3ServiceUrl { get; init; }

    /// <summary>Reads and validates the settings from <paramref name="variables"/>.</summary>
    /// <exception cref="WriterConfigurationException">Lists every missing or invalid variable.</exception>
    public static WriterSettings FromEnvironment(IDictionary variables)
    {
        var reader = new EnvironmentReader(variables);
        var settings = new WriterSettings
        {
            TableName = reader.Required(TableNameVariable, "the audit table's name"),
            Environment = reader.Required(EnvironmentVariable, "e.g. dev, prod; the metric dimension"),
            ArchiveBucket = reader.Required(ArchiveBucketVariable, "the archive bucket; whole payloads of large quarantined messages go there"),
            MetricsNamespace = reader.Optional(MetricsNamespaceVariable) ?? "PaymentAudit",
            MaxEventBytes = reader.WholeNumber(MaxEventBytesVariable, 65_536, 1_024, 262_144, "bytes"),
            DynamoDbServiceUrl = reader.Url(DynamoDbServiceUrlVariable),
            S3ServiceUrl = reader.Url(S3ServiceUrlVariable),
        };
        reader.ThrowIfInvalid("PaymentAudit writer", message => new WriterConfigurationException(message));
        return settings;
    }
}
