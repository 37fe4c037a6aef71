namespace PaymentAudit.Core.Topology;

/// <summary>
/// The one definition of the audit trail's resources. The CDK app and the local emulator setup
/// both build from it, so the table and queues cannot drift apart between AWS and a laptop.
/// </summary>
public static class AuditTopology
{
    /// <summary>
    /// Name of the event index: event id to the record's keys. Sparse (only accepted records carry
    /// <see cref="AuditItemAttributes.EventId"/>) and keys-only, so each accepted record adds one
    /// small index entry (1 write unit) and nothing else.
    /// </summary>
    public const string EventIndexName = "by-event";

    /// <summary>The audit table's keys and indexes.</summary>
    public static TableDefinition Table { get; } = new(
        PartitionKey: AuditItemAttributes.PartitionKey,
        SortKey: AuditItemAttributes.SortKey,
        GlobalIndexes:
        [
            new IndexDefinition(EventIndexName, AuditItemAttributes.EventId, SortKey: null, IndexProjection.KeysOnly, []),
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
