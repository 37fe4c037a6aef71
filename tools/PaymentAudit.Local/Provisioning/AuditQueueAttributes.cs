using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Local.Provisioning;

/// <summary>
/// The SQS attributes of the audit queue and its dead-letter queue, built from
/// <see cref="AuditTopology.Queue"/>: the same fixed properties the CDK app deploys.
/// </summary>
public static class AuditQueueAttributes
{
    /// <summary>Attributes of the FIFO dead-letter queue.</summary>
    public static Dictionary<string, string> DeadLetterQueue()
    {
        var queue = AuditTopology.Queue;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [QueueAttributeName.FifoQueue] = "true",
            [QueueAttributeName.ContentBasedDeduplication] = Bool(queue.ContentBasedDeduplication),
            [QueueAttributeName.MaximumMessageSize] = Number(queue.MaximumMessageSizeBytes),
            [QueueAttributeName.MessageRetentionPeriod] = Number((int)queue.DeadLetterRetention.TotalSeconds),
        };
    }

    /// <summary>Attributes of the FIFO audit queue, redriving to <paramref name="deadLetterQueueArn"/> after <paramref name="maxReceiveCount"/> receives.</summary>
    public static Dictionary<string, string> AuditQueue(string deadLetterQueueArn, int maxReceiveCount, TimeSpan visibilityTimeout)
    {
        var queue = AuditTopology.Queue;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [QueueAttributeName.FifoQueue] = "true",
            [QueueAttributeName.ContentBasedDeduplication] = Bool(queue.ContentBasedDeduplication),
            [QueueAttributeName.MaximumMessageSize] = Number(queue.MaximumMessageSizeBytes),
            [QueueAttributeName.MessageRetentionPeriod] = Number((int)queue.MessageRetention.TotalSeconds),
            [QueueAttributeName.VisibilityTimeout] = Number((int)visibilityTimeout.TotalSeconds),
            [QueueAttributeName.RedrivePolicy] = RedrivePolicy(deadLetterQueueArn, maxReceiveCount),
        };
        if (queue.HighThroughput)
        {
            attributes[QueueAttributeName.DeduplicationScope] = "messageGroup";
            attributes[QueueAttributeName.FifoThroughputLimit] = "perMessageGroupId";
        }

        return attributes;
    }

    private static string RedrivePolicy(string deadLetterQueueArn, int maxReceiveCount)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("deadLetterTargetArn", deadLetterQueueArn);
            writer.WriteNumber("maxReceiveCount", maxReceiveCount);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
