namespace PaymentAudit.Storage;

/// <summary>One access to a payment record: who, when, how, with what result, and where it is recorded.</summary>
/// <param name="RecordId">The payment record.</param>
/// <param name="Reference">queried, returned, processed (or a combination joined by '+').</param>
/// <param name="UserId">Who.</param>
/// <param name="Timestamp">When (sortable UTC).</param>
/// <param name="QueryResult">success, failure or denied.</param>
/// <param name="EventId">The event.</param>
/// <param name="EventType">The event type.</param>
/// <param name="ChainId">Chain of the full record.</param>
/// <param name="Seq">Position of the full record.</param>
public sealed record PaymentRecordAccess(
    string RecordId,
    string Reference,
    string UserId,
    string Timestamp,
    string QueryResult,
    string? EventId,
    string? EventType,
    string ChainId,
    long Seq);
