using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Testing.Fauxqs;

/// <summary>Creates and reads FIFO audit queues on an emulator, with the fixed attributes of <see cref="AuditTopology.Queue"/>.</summary>
public static class FifoQueues
{
    private static int _created;

    /// <summary>A queue name no other test uses, ending in the FIFO suffix.</summary>
    public static string UniqueName(string prefix)
    {
        // FIFO queue names are at most 80 characters including the suffix.
        var name = $"{prefix}-{Interlocked.Increment(ref _created)}-{Guid.NewGuid():N}";
        return (name.Length > 75 ? name[..75] : name) + AuditTopology.Queue.NameSuffix;
    }

    /// <summary>Creates the FIFO queue <paramref name="name"/> and returns its URL.</summary>
    public static async Task<string> CreateAsync(IAmazonSQS sqs, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        var queue = AuditTopology.Queue;
        var attributes = new Dictionary<string, string>
        {
            [QueueAttributeName.FifoQueue] = "true",
            [QueueAttributeName.ContentBasedDeduplication] = queue.ContentBasedDeduplication ? "true" : "false",
            [QueueAttributeName.MaximumMessageSize] = queue.MaximumMessageSizeBytes.ToString(CultureInfo.InvariantCulture),
            [QueueAttributeName.MessageRetentionPeriod] = ((int)queue.MessageRetention.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
        if (queue.HighThroughput)
        {
            attributes[QueueAttributeName.DeduplicationScope] = "messageGroup";
            attributes[QueueAttributeName.FifoThroughputLimit] = "perMessageGroupId";
        }

        var response = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes }, cancellationToken);
        return response.QueueUrl;
    }

    /// <summary>
    /// Receives and deletes every message on the queue, in the order the queue hands them out
    /// (per group: queue order), with their group id and sequence number attributes.
    /// </summary>
    public static async Task<IReadOnlyList<Message>> DrainAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        var drained = new List<Message>();
        while (true)
        {
            var received = await sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest
                {
                    QueueUrl = queueUrl,
                    MaxNumberOfMessages = 10,
                    WaitTimeSeconds = 0,
                    VisibilityTimeout = 60,
                    MessageSystemAttributeNames = [MessageSystemAttributeName.MessageGroupId, MessageSystemAttributeName.SequenceNumber],
                },
                cancellationToken);
            var messages = received.Messages;
            if (messages is null || messages.Count == 0)
            {
                return drained;
            }

            drained.AddRange(messages);
            await sqs.DeleteMessageBatchAsync(
                new DeleteMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = messages.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle }).ToList(),
                },
                cancellationToken);
        }
    }
}
