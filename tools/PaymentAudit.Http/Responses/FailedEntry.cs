namespace PaymentAudit.Http.Responses;

/// <summary>A batch entry SQS did not accept.</summary>
/// <param name="Index">Position of the event in the request, from 0.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Code">SQS's error code.</param>
/// <param name="Retryable">False when SQS blames the entry itself: sending it again fails the same way.</param>
public sealed record FailedEntry(int Index, string EventId, string Code, bool Retryable);
