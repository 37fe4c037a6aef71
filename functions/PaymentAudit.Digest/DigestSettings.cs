using System.Collections;
using System.Text.RegularExpressions;
using PaymentAudit.Storage.Configuration;

namespace PaymentAudit.Digest;

/// <summary>The digest function's settings, read once from environment variables at start and validated.</summary>
public sealed partial record DigestSettings
{
    /// <summary>Variable holding the audit table name (required).</summary>
    public const string TableNameVariable = "PAYMENTAUDIT_TABLE_NAME";

    /// <summary>Variable holding the audit table's ARN, recorded in every digest (required).</summary>
    public const string TableArnVariable = "PAYMENTAUDIT_TABLE_ARN";

    /// <summary>Variable holding the deployment environment: part of every digest's key and the metric dimension (required).</summary>
    public const string EnvironmentVariable = "PAYMENTAUDIT_ENVIRONMENT";

    /// <summary>Variable holding the archive bucket the digests are stored in (required).</summary>
    public const string ArchiveBucketVariable = "PAYMENTAUDIT_ARCHIVE_BUCKET";

    /// <summary>Variable holding the ARN of the KMS key that signs the digests (required).</summary>
    public const string SigningKeyArnVariable = "PAYMENTAUDIT_SIGNING_KEY_ARN";

    /// <summary>Variable holding the seconds between two scheduled digests (required, 60-43200).</summary>
    public const string PeriodSecondsVariable = "PAYMENTAUDIT_DIGEST_PERIOD_SECONDS";

    /// <summary>Variable holding the CloudWatch metric namespace (optional, default <c>PaymentAudit</c>).</summary>
    public const string MetricsNamespaceVariable = "PAYMENTAUDIT_METRICS_NAMESPACE";

    /// <summary>Variable pointing the DynamoDB client at an emulator (optional; local runs only).</summary>
    public const string DynamoDbServiceUrlVariable = "PAYMENTAUDIT_DYNAMODB_SERVICE_URL";

    /// <summary>Variable pointing the S3 client at an emulator (optional; local runs only).</summary>
    public const string S3ServiceUrlVariable = "PAYMENTAUDIT_S3_SERVICE_URL";

    /// <summary>Shortest period accepted: one minute, the shortest schedule. (The deployed period is at least 10 minutes; see the infrastructure config.)</summary>
    public const int MinimumPeriodSeconds = 60;

    /// <summary>Longest period accepted: the digest-not-written alarm spans two periods, and CloudWatch evaluates at most a day.</summary>
    public const int MaximumPeriodSeconds = 43_200;

    /// <summary>The audit table.</summary>
    public required string TableName { get; init; }

    /// <summary>The audit table's ARN.</summary>
    public required string TableArn { get; init; }

    /// <summary>Deployment environment.</summary>
    public required string Environment { get; init; }

    /// <summary>The archive bucket.</summary>
    public required string ArchiveBucket { get; init; }

    /// <summary>ARN of the signing key, stored with every digest as its key id.</summary>
    public required string SigningKeyArn { get; init; }

    /// <summary>Seconds between two scheduled digests: the schedule's period.</summary>
    public required int PeriodSeconds { get; init; }

    /// <summary>CloudWatch metric namespace. Default <c>PaymentAudit</c>.</summary>
    public string MetricsNamespace { get; init; } = "PaymentAudit";

    /// <summary>DynamoDB endpoint override for emulators; null on AWS.</summary>
    public Uri? DynamoDbServiceUrl { get; init; }

    /// <summary>S3 endpoint override for emulators; null on AWS.</summary>
    public Uri? S3ServiceUrl { get; init; }

    /// <summary>Reads and validates the settings from <paramref name="variables"/>.</summary>
    /// <exception cref="DigestConfigurationException">Lists every missing or invalid variable.</exception>
    public static DigestSettings FromEnvironment(IDictionary variables)
    {
        var reader = new EnvironmentReader(variables);
        var settings = new DigestSettings
        {
            TableName = reader.Required(TableNameVariable, "the audit table's name"),
            TableArn = reader.Required(TableArnVariable, "the audit table's ARN, recorded in every digest"),
            Environment = reader.Required(
                EnvironmentVariable,
                "e.g. dev, prod; part of every digest's key and the metric dimension",
                value => EnvironmentName().IsMatch(value),
                "a name of 1-64 letters, digits, '-' or '_' (it is a folder in every digest's key)"),
            ArchiveBucket = reader.Required(ArchiveBucketVariable, "the archive bucket the digests are stored in"),
            SigningKeyArn = reader.Required(SigningKeyArnVariable, "the ARN of the KMS key that signs the digests"),
            PeriodSeconds = reader.RequiredWholeNumber(PeriodSecondsVariable, "seconds between two scheduled digests", MinimumPeriodSeconds, MaximumPeriodSeconds, "seconds"),
            MetricsNamespace = reader.Optional(MetricsNamespaceVariable) ?? "PaymentAudit",
            DynamoDbServiceUrl = reader.Url(DynamoDbServiceUrlVariable),
            S3ServiceUrl = reader.Url(S3ServiceUrlVariable),
        };
        reader.ThrowIfInvalid("PaymentAudit digest function", message => new DigestConfigurationException(message));
        return settings;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex EnvironmentName();
}
