namespace PaymentAudit.Writer.Processing;

/// <summary>What one batch did: an outcome per message, in delivery order.</summary>
/// <param name="Messages">Outcomes in the order the batch delivered the messages.</param>
/// <param name="Duration">Wall time spent on the batch.</param>
public sealed record BatchReport(IReadOnlyList<ProcessedMessage> Messages, TimeSpan Duration)
{
    /// <summary>How many messages had <paramref name="outcome"/>.</summary>
    public int Count(MessageOutcome outcome) => Messages.Count(m => m.Outcome == outcome);

    /// <summary>Ids of messages to report as batch item failures.</summary>
    public IReadOnlyList<string> FailedMessageIds => Messages.Where(m => m.Outcome == MessageOutcome.Failed).Select(m => m.MessageId).ToList();
}
