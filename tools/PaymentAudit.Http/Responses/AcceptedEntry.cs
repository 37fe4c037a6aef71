namespace PaymentAudit.Http.Responses;

/// <summary>A batch entry SQS accepted.</summary>
/// <param name="Index">Position of the event in the request, from 0.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="MessageId">SQS's message id.</param>
public sealed record AcceptedEntry(int Index, string EventId, string MessageId);
