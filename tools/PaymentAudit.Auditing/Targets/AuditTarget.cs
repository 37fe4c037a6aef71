namespace PaymentAudit.Auditing.Targets;

/// <summary>The resources one auditor command works on, and how to reach them.</summary>
public sealed record AuditTarget
{
    /// <summary>Which kind of target this is. On <see cref="TargetKind.Environment"/> reads are always audited.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>What the target is, for messages (e.g. "environment prod (eu-west-1)").</summary>
    public required string Description { get; init; }

    /// <summary>The audit table.</summary>
    public required string TableName { get; init; }

    /// <summary>The audit queue: where the command records its own audit event (and what <c>dlq redrive</c> sends back to).</summary>
    public string? QueueUrl { get; init; }

    /// <summary>The dead-letter queue.</summary>
    public string? DeadLetterQueueUrl { get; init; }

    /// <summary>The archive bucket (history index, archived payloads, digests).</summary>
    public string? ArchiveBucket { get; init; }

    /// <summary>The KMS key that signs digests.</summary>
    public string? SigningKeyId { get; init; }

    /// <summary>The environment name digests are stored under (<c>digests/&lt;name&gt;/</c>); null when unknown.</summary>
    public string? DigestEnvironment { get; init; }

    /// <summary>DynamoDB endpoint override (emulators).</summary>
    public Uri? DynamoDbServiceUrl { get; init; }

    /// <summary>SQS endpoint override (emulators).</summary>
    public Uri? SqsServiceUrl { get; init; }

    /// <summary>S3 endpoint override (emulators; path-style addressing).</summary>
    public Uri? S3ServiceUrl { get; init; }

    /// <summary>AWS region, when not the SDK's default.</summary>
    public string? Region { get; init; }

    /// <summary>AWS shared-config profile, when not the SDK's default chain.</summary>
    public string? Profile { get; init; }
}
