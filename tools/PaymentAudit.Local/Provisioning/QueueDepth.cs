using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PaymentAudit.Local.Provisioning;

/// <summary>How many messages a queue holds: waiting (visible) and received but not yet deleted (in flight).</summary>
/// <param name="Visible">Messages waiting to be received.</param>
/// <param name="InFlight">Messages received and hidden by their visibility timeout.</param>
public sealed record QueueDepth(long Visible, long InFlight)
{
    /// <summary>All messages the queue still holds.</summary>
    public long Total => Visible + InFlight;

    /// <summary>Reads the approximate counts of <paramref name="queueUrl"/>.</summary>
    public static async Task<QueueDepth> ReadAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        var response = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest
            {
                QueueUrl = queueUrl,
                AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages, QueueAttributeName.ApproximateNumberOfMessagesNotVisible],
            },
            cancellationToken);
        return new QueueDepth(
            Read(response, QueueAttributeName.ApproximateNumberOfMessages),
            Read(response, QueueAttributeName.ApproximateNumberOfMessagesNotVisible));
    }

    private static long Read(GetQueueAttributesResponse response, string name) =>
        response.Attributes?.GetValueOrDefault(name) is { } value
            ? long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The queue reported no {name}.");
}
