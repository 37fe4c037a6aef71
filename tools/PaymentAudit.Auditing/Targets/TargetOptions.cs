namespace PaymentAudit.Auditing.Targets;

/// <summary>What the command line said about the target, before it is resolved.</summary>
public sealed record TargetOptions
{
    /// <summary><c>--local</c>: the pipeline <c>local up</c> runs.</summary>
    public bool Local { get; init; }

    /// <summary><c>--dynamodb-port</c> of the local pipeline. Default 8000.</summary>
    public int DynamoDbPort { get; init; } = 8000;

    /// <summary><c>--sqs-port</c> of the local pipeline (fauxqs also serves S3 there). Default 4566.</summary>
    public int SqsPort { get; init; } = 4566;

    /// <summary><c>--env</c>: a deployed environment's name.</summary>
    public string? Environment { get; init; }

    /// <summary><c>--profile</c>: AWS shared-config profile.</summary>
    public string? Profile { get; init; }

    /// <summary><c>--region</c>: AWS region.</summary>
    public string? Region { get; init; }

    /// <summary><c>--table</c>: overrides the table.</summary>
    public string? Table { get; init; }

    /// <summary><c>--dynamodb-url</c>: overrides the DynamoDB endpoint.</summary>
    public Uri? DynamoDbUrl { get; init; }

    /// <summary><c>--queue-url</c>: overrides the audit queue.</summary>
    public string? QueueUrl { get; init; }

    /// <summary><c>--dlq-url</c>: overrides the dead-letter queue.</summary>
    public string? DeadLetterQueueUrl { get; init; }

    /// <summary><c>--bucket</c>: overrides the archive bucket.</summary>
    public string? Bucket { get; init; }
}
