namespace PaymentAudit.Auditing.Queries;

/// <summary>An event found by id, with where it is stored and what it says.</summary>
/// <param name="ChainId">Chain of the record.</param>
/// <param name="Seq">Position of the record.</param>
/// <param name="EventType">Event type.</param>
/// <param name="ActorId">Who.</param>
/// <param name="Timestamp">When (sortable UTC).</param>
/// <param name="Result">success, failure or denied.</param>
/// <param name="Hash">The record's hash.</param>
/// <param name="Body">The record's canonical body (card numbers were masked before it was stored).</param>
public sealed record EventLookup(string ChainId, long Seq, string? EventType, string ActorId, string Timestamp, string Result, string Hash, string Body);
