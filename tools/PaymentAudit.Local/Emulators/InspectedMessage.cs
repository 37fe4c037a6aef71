namespace PaymentAudit.Local.Emulators;

/// <summary>One message as fauxqs's inspection endpoint shows it.</summary>
/// <param name="MessageId">The SQS message id (kept when the queue moves it to its dead-letter queue).</param>
/// <param name="Body">The message body.</param>
/// <param name="MessageGroupId">Its FIFO message group, if any.</param>
/// <param name="ReceiptHandle">The receipt handle of its current receive, when it is in flight; otherwise null.</param>
public sealed record InspectedMessage(string MessageId, string Body, string? MessageGroupId, string? ReceiptHandle)
{
    /// <summary>True when it has been received and is hidden by its visibility timeout.</summary>
    public bool IsInFlight => ReceiptHandle is not null;
}
