namespace PaymentAudit.Writer.Processing;

/// <summary>The outcome for one message, with where it was stored or why it failed.</summary>
/// <param name="MessageId">SQS message id.</param>
/// <param name="ChainId">Its chain (message group).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Seq">Where it is stored: by this batch, or (for a duplicate) earlier.</param>
/// <param name="RejectionCode">Rejection code when quarantined.</param>
/// <param name="FailureReason">Why it failed, when it failed (no payload content).</param>
/// <param name="Redactions">How many fields of an accepted event had card numbers masked.</param>
public sealed record ProcessedMessage(
    string MessageId,
    string ChainId,
    MessageOutcome Outcome,
    long? Seq = null,
    string? RejectionCode = null,
    string? FailureReason = null,
    int Redactions = 0);
