namespace PaymentAudit.Core.Topology;

/// <summary>
/// Attributes of the FIFO audit queue and its dead-letter queue. Environment-specific values
/// (receive count before the DLQ, visibility timeout) come from configuration; these are the
/// fixed properties both AWS and the local emulators must share.
/// </summary>
/// <param name="NameSuffix">FIFO queue names must end with this suffix.</param>
/// <param name="ContentBasedDeduplication">Off: the client sets the deduplication id to the event id.</param>
/// <param name="HighThroughput">Deduplication scoped per message group with a per-group throughput limit.</param>
/// <param name="MaximumMessageSizeBytes">Largest message the queue accepts; a quarantined one is kept as a preview plus the archived whole.</param>
/// <param name="MessageRetention">How long an unprocessed message stays in the main queue.</param>
/// <param name="DeadLetterRetention">How long a message stays in the dead-letter queue.</param>
public sealed record QueueDefinition(
    string NameSuffix,
    bool ContentBasedDeduplication,
    bool HighThroughput,
    int MaximumMessageSizeBytes,
    TimeSpan MessageRetention,
    TimeSpan DeadLetterRetention);
