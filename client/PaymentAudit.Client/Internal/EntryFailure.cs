namespace PaymentAudit.Client.Internal;

/// <summary>Why one entry of a batch was not accepted, and whether sending it again can help.</summary>
internal sealed record EntryFailure(string Code, string Message, bool Retryable, Exception? Exception = null);
