namespace PaymentAudit.Http.Responses;

/// <summary>
/// 202 of <c>POST /v1/events/batch</c>: SQS answered the batch. Each entry is accepted or failed on
/// its own, by its index in the request; a caller retries the failed entries whose
/// <see cref="FailedEntry.Retryable"/> is true.
/// </summary>
/// <param name="Accepted">Entries now on the queue.</param>
/// <param name="Failed">Entries SQS did not take.</param>
public sealed record BatchAnswer(IReadOnlyList<AcceptedEntry> Accepted, IReadOnlyList<FailedEntry> Failed);
