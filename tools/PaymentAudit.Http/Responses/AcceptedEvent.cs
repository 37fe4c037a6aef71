namespace PaymentAudit.Http.Responses;

/// <summary>202 of <c>POST /v1/events</c>: the event is on the audit queue.</summary>
/// <param name="EventId">The event's id, its deduplication id on the queue.</param>
/// <param name="MessageId">SQS's message id.</param>
/// <param name="SequenceNumber">SQS's sequence number in the message group.</param>
public sealed record AcceptedEvent(string EventId, string MessageId, string? SequenceNumber);
