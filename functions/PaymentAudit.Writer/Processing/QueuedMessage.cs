namespace PaymentAudit.Writer.Processing;

/// <summary>One message of a batch, in the order the queue delivered it.</summary>
/// <param name="MessageId">SQS message id.</param>
/// <param name="Body">Message body (the event JSON, or anything a sender put there).</param>
/// <param name="GroupId">FIFO message group id: the chain this message belongs to.</param>
/// <param name="ReceiveCount">How many times SQS has delivered it.</param>
public sealed record QueuedMessage(string MessageId, string Body, string GroupId, int ReceiveCount);
