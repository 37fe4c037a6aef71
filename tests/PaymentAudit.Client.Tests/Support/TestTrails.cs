using Amazon.SQS;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaymentAudit.Client.Internal;

namespace PaymentAudit.Client.Tests.Support;

/// <summary>Builds trails for unit tests: no batching window, a fixed jitter seed, a fake FIFO queue URL.</summary>
public static class TestTrails
{
    public const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/payment-audit-test.fifo";

    public static AuditTrailOptions Options() => new()
    {
        QueueUrl = QueueUrl,
        BatchWindow = TimeSpan.Zero,
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxDelay = TimeSpan.FromSeconds(1),
    };

    internal static BatchingAuditTrail Create(
        IAmazonSQS sqs, AuditTrailOptions? options = null, TimeProvider? time = null, int? maxBatchBytes = null, ILogger? logger = null) =>
        new(sqs, options ?? Options(), logger ?? NullLogger.Instance, time ?? new ObservedTimeProvider(), new Random(7), maxBatchBytes);
}
