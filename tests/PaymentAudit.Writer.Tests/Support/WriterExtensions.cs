using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Sqs;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>Drives a handler through the same SQS event JSON Lambda would send.</summary>
public static class WriterExtensions
{
    /// <summary>Processes <paramref name="messages"/> as one SQS event.</summary>
    public static Task<BatchReport> ProcessAsync(this SqsBatchHandler handler, IReadOnlyList<QueuedMessage> messages) =>
        handler.HandleAsync(
            new SqsEvent(messages.Select(m => new SqsMessage(
                m.MessageId,
                m.Body,
                new SqsMessageAttributes(m.GroupId, m.ReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", m.MessageId))).ToList()),
            CancellationToken.None);
}
