namespace PaymentAudit.Auditing.DeadLetters;

/// <summary>
/// One message in the dead-letter queue, as <c>dlq list</c> shows it: never its body, only what the
/// validator says of it. The group is shown as the chain id it maps to, so a group id that holds
/// a card number or other content is never printed.
/// </summary>
/// <param name="MessageId">SQS message id.</param>
/// <param name="ChainId">The chain its message group maps to.</param>
/// <param name="ReceiveCount">How often it was received (on the audit queue, then here).</param>
/// <param name="FirstReceivedAt">When it was first received (RFC 3339 UTC), if known.</param>
/// <param name="SentAt">When it was sent (RFC 3339 UTC), if known.</param>
/// <param name="Verdict"><c>valid</c>, or the rejection code.</param>
/// <param name="Reason">The rejection's reason, for an invalid body.</param>
public sealed record DeadLetter(string MessageId, string ChainId, int ReceiveCount, string? FirstReceivedAt, string? SentAt, string Verdict, string? Reason);
