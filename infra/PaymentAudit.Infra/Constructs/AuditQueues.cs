using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The FIFO audit queue and its FIFO dead-letter queue, with the fixed properties of
/// <see cref="AuditTopology.Queue"/>: one message group per chain, high-throughput mode.
/// </summary>
public sealed class AuditQueues : Construct
{
    /// <summary>Creates both queues.</summary>
    public AuditQueues(Construct scope, string id, AuditQueuesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var definition = AuditTopology.Queue;
        var removal = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"paymentaudit-{props.EnvironmentName}-audit-dlq{definition.NameSuffix}",
            Fifo = true,
            ContentBasedDeduplication = definition.ContentBasedDeduplication,
            RetentionPeriod = Duration.Seconds(definition.DeadLetterRetention.TotalSeconds),
            MaxMessageSizeBytes = definition.MaximumMessageSizeBytes,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = props.DataKey,
            EnforceSSL = true,
            RemovalPolicy = removal,
        });

        Queue = new Queue(this, "Queue", new QueueProps
        {
            QueueName = $"paymentaudit-{props.EnvironmentName}-audit{definition.NameSuffix}",
            Fifo = true,
            ContentBasedDeduplication = definition.ContentBasedDeduplication,
            DeduplicationScope = definition.HighThroughput ? DeduplicationScope.MESSAGE_GROUP : DeduplicationScope.QUEUE,
            FifoThroughputLimit = definition.HighThroughput ? FifoThroughputLimit.PER_MESSAGE_GROUP_ID : FifoThroughputLimit.PER_QUEUE,
            MaxMessageSizeBytes = definition.MaximumMessageSizeBytes,
            RetentionPeriod = Duration.Seconds(definition.MessageRetention.TotalSeconds),
            VisibilityTimeout = props.VisibilityTimeout,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = props.DataKey,
            EnforceSSL = true,
            RemovalPolicy = removal,
            DeadLetterQueue = new DeadLetterQueue { Queue = DeadLetterQueue, MaxReceiveCount = props.MaxReceiveCount },
        });
    }

    /// <summary>The audit queue producers send to.</summary>
    public Queue Queue { get; }

    /// <summary>Where messages go after the configured number of failed receives.</summary>
    public Queue DeadLetterQueue { get; }
}
