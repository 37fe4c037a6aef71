using System.Collections;
using System.Globalization;

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

    /// <summary>Variable holding the CloudWatch metric namespace (optional, default <c>PaymentAudit</c>).</summary>
    public const string MetricsNamespaceVariable = "PAYMENTAUDIT_METRICS_NAMESPACE";

    /// <summary>Variable holding the largest accepted event in bytes (optional, default 65536).</summary>
    public const string MaxEventBytesVariable = "PAYMENTAUDIT_MAX_EVENT_BYTES";

    /// <summary>Variable pointing the DynamoDB client at an emulator (optional; local runs only).</summary>
    public const string DynamoDbServiceUrlVariable = "PAYMENTAUDIT_DYNAMODB_SERVICE_URL";

    /// <summary>The audit table.</summary>
    public required string TableName { get; init; }

    /// <summary>Deployment environment (metric dimension).</summary>
    public required string Environment { get; init; }

    /// <summary>CloudWatch metric namespace. Default <c>PaymentAudit</c>.</summary>
    public string MetricsNamespace { get; init; } = "PaymentAudit";

    /// <summary>Largest accepted event in UTF-8 bytes. Default 65,536.</summary>
    public int MaxEventBytes { get; init; } = 65_536;

    /// <summary>DynamoDB endpoint override for emulators; null on AWS.</summary>
    public Uri? DynamoDbServiceUrl { get; init; }

    /// <summary>Reads and validates the settings from <paramref name="variables"/>.</summary>
    /// <exception cref="WriterConfigurationException">Lists every missing or invalid variable.</exception>
    public static WriterSettings FromEnvironment(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var problems = new List<string>();
        string? Get(string name) => variables[name] as string is { Length: > 0 } value ? value.Trim() : null;

        var table = Get(TableNameVariable);
        if (table is null)
        {
            problems.Add($"{TableNameVariable} is required (the audit table's name)");
        }

        var environment = Get(EnvironmentVariable);
        if (environment is null)
        {
            problems.Add($"{EnvironmentVariable} is required (e.g. dev, prod; the metric dimension)");
        }

        var maxEventBytes = 65_536;
        if (Get(MaxEventBytesVariable) is { } rawMax
            && (!int.TryParse(rawMax, NumberStyles.None, CultureInfo.InvariantCulture, out maxEventBytes) || maxEventBytes is < 1_024 or > 262_144))
        {
            problems.Add($"{MaxEventBytesVariable} must be a whole number of bytes from 1024 to 262144, not '{rawMax}'");
        }

        Uri? serviceUrl = null;
        if (Get(DynamoDbServiceUrlVariable) is { } rawUrl
            && (!Uri.TryCreate(rawUrl, UriKind.Absolute, out serviceUrl) || serviceUrl.Scheme is not ("http" or "https")))
        {
            problems.Add($"{DynamoDbServiceUrlVariable} must be an absolute http(s) URL, not '{rawUrl}'");
        }

        if (problems.Count > 0)
        {
            throw new WriterConfigurationException("PaymentAudit writer configuration is invalid: " + string.Join("; ", problems) + ".");
        }

        return new WriterSettings
        {
            TableName = table!,
            Environment = environment!,
            MetricsNamespace = Get(MetricsNamespaceVariable) ?? "PaymentAudit",
            MaxEventBytes = maxEventBytes,
            DynamoDbServiceUrl = serviceUrl,
        };
    }
}
