using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PaymentAudit.Benchmarks;

/// <summary>What the harnesses share: reading their options, percentiles and a queue's depth.</summary>
internal static class HarnessArguments
{
    /// <summary>The whole number after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/> when the option is not given.</summary>
    /// <exception cref="ArgumentException">The option is given without a whole number of at least 0 after it.</exception>
    public static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new ArgumentException($"{name} needs a whole number of at least 0 after it.");
            }
        }

        return fallback;
    }

    /// <summary>The <paramref name="p"/> quantile (0 to 1) of ascending <paramref name="sorted"/> values.</summary>
    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Messages SQS reports as available on <paramref name="queueUrl"/>.</summary>
    public static async Task<long> CountMessagesAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages] }, cancellationToken);
        return long.Parse(attributes.Attributes![QueueAttributeName.ApproximateNumberOfMessages], CultureInfo.InvariantCulture);
    }
}
