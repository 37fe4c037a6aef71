using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>
/// A minimal model of a FIFO queue feeding a writer: batches are the first messages in queue
/// order; a failed message stays where it was (so its group stays in order) and is delivered
/// again with a higher receive count.
/// </summary>
public sealed class FifoQueueModel
{
    private readonly List<QueuedMessage> _queue;

    /// <summary>Creates the queue holding <paramref name="messages"/> in send order.</summary>
    public FifoQueueModel(IEnumerable<QueuedMessage> messages) => _queue = messages.ToList();

    /// <summary>Every batch report so far.</summary>
    public List<BatchReport> Reports { get; } = [];

    /// <summary>Messages still queued.</summary>
    public int Remaining => _queue.Count;

    /// <summary>Delivers batches to <paramref name="writer"/> until the queue is empty or <paramref name="maxBatches"/> is reached.</summary>
    public async Task DrainAsync(SqsBatchHandler writer, int batchSize = 10, int maxBatches = 10_000)
    {
        for (var i = 0; i < maxBatches && _queue.Count > 0; i++)
        {
            var batch = _queue.Take(batchSize).ToList();
            var report = await writer.ProcessAsync(batch);
            Reports.Add(report);
            var failed = report.FailedMessageIds.ToHashSet(StringComparer.Ordinal);
            _queue.RemoveAll(m => batch.Any(b => b.MessageId == m.MessageId) && !failed.Contains(m.MessageId));
            for (var j = 0; j < _queue.Count; j++)
            {
                if (failed.Contains(_queue[j].MessageId))
                {
                    _queue[j] = _queue[j] with { ReceiveCount = _queue[j].ReceiveCount + 1 };
                }
            }
        }
    }
}
