using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>Builds queued messages the way SQS FIFO delivers them: ids, groups, receive counts.</summary>
public sealed class Delivery
{
    private int _next;

    /// <summary>A new message in <paramref name="group"/>.</summary>
    public QueuedMessage Message(string group, string body) => new($"msg-{Interlocked.Increment(ref _next):D6}", body, group, 1);

    /// <summary>The same messages delivered again (same ids, higher receive count).</summary>
    public static IReadOnlyList<QueuedMessage> Redeliver(IEnumerable<QueuedMessage> messages) =>
        messages.Select(m => m with { ReceiveCount = m.ReceiveCount + 1 }).ToList();
}
