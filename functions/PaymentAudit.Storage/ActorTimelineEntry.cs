namespace PaymentAudit.Storage;

/// <summary>One event on an actor's timeline.</summary>
/// <param name="UserId">The actor.</param>
/// <param name="Timestamp">When it happened (sortable UTC).</param>
/// <param name="ChainId">Chain of the record.</param>
/// <param name="Seq">Position in the chain.</param>
/// <param name="Status">accepted or rejected.</param>
/// <param name="EventId">Event id, for accepted records.</param>
/// <param name="EventType">Event type, for accepted records.</param>
/// <param name="QueryRecordId">Seed attribute query_record_id.</param>
/// <param name="ResponseRecordIds">Seed attribute response_record_ids.</param>
/// <param name="QueryResult">Seed attribute query_result.</param>
public sealed record ActorTimelineEntry(
    string UserId,
    string Timestamp,
    string ChainId,
    long Seq,
    string Status,
    string? EventId,
    string? EventType,
    string QueryRecordId,
    IReadOnlyList<string> ResponseRecordIds,
    string QueryResult);
