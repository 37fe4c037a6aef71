namespace PaymentAudit.Core.Topology;

/// <summary>
/// The one definition of the audit trail's resources. The CDK app and the local emulator setup
/// both build from it, so the table and queues cannot drift apart between AWS and a laptop.
/// </summary>
public static class AuditTopology
{
    /// <summary>Name of the actor timeline index (who accessed what, by time).</summary>
    public const string ActorIndexName = "by-actor";

    /// <summary>The audit table's keys and indexes.</summary>
    public static TableDefinition Table { get; } = new(
        PartitionKey: AuditItemAttributes.PartitionKey,
        SortKey: AuditItemAttributes.SortKey,
        GlobalIndexes:
        [
            new IndexDefinition(
                ActorIndexName,
                PartitionKey: AuditItemAttributes.UserId,
                SortKey: AuditItemAttributes.Timestamp,
                ProjectedAttributes:
                [
                    AuditItemAttributes.ChainId,
                    AuditItemAttributes.Seq,
                    AuditItemAttributes.Status,
                    AuditItemAttributes.EventId,
                    AuditItemAttributes.EventType,
                    AuditItemAttributes.QueryRecordId,
                    AuditItemAttributes.ResponseRecordIds,
                    AuditItemAttributes.QueryResult,
                ]),
        ]);

    /// <summary>The audit queue and its dead-letter queue.</summary>
    public static QueueDefinition Queue { get; } = new(
        NameSuffix: ".fifo",
        ContentBasedDeduplication: false,
        HighThroughput: true,
        MaximumMessageSizeBytes: 262_144,
        MessageRetention: TimeSpan.FromDays(4),
        DeadLetterRetention: TimeSpan.FromDays(14));
}
