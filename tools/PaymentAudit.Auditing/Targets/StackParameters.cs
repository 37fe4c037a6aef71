namespace PaymentAudit.Auditing.Targets;

/// <summary>
/// The SSM parameter names a deployed stack publishes its resources under:
/// <c>/paymentaudit/&lt;env&gt;/&lt;name&gt;</c>. The CDK app creates them; the auditor role may read exactly these.
/// </summary>
public static class StackParameters
{
    /// <summary>The audit table's name.</summary>
    public const string TableName = "table-name";

    /// <summary>The audit queue's URL.</summary>
    public const string QueueUrl = "queue-url";

    /// <summary>The dead-letter queue's URL.</summary>
    public const string DeadLetterQueueUrl = "dead-letter-queue-url";

    /// <summary>The archive bucket's name.</summary>
    public const string ArchiveBucket = "archive-bucket";

    /// <summary>The digest signing key's ARN.</summary>
    public const string SigningKeyArn = "signing-key-arn";

    /// <summary>Every name, in the order they are read.</summary>
    public static IReadOnlyList<string> All { get; } = [TableName, QueueUrl, DeadLetterQueueUrl, ArchiveBucket, SigningKeyArn];

    /// <summary>The path prefix of an environment's parameters.</summary>
    public static string PathOf(string environment) => $"/paymentaudit/{environment}/";

    /// <summary>The full name of one parameter.</summary>
    public static string NameOf(string environment, string parameter) => PathOf(environment) + parameter;
}
