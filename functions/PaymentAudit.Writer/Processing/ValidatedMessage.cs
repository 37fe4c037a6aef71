using PaymentAudit.Core.Chain;

namespace PaymentAudit.Writer.Processing;

/// <summary>A queued message and the entry its validation produced.</summary>
/// <param name="Body">The message body as received (kept to quarantine a conflicting duplicate).</param>
/// <param name="Entry">The accepted or quarantined entry.</param>
public sealed record ValidatedMessage(string Body, ChainEntry Entry);
