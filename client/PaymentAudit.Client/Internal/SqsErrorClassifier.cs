using System.Net;
using Amazon.Runtime;

namespace PaymentAudit.Client.Internal;

/// <summary>
/// Decides which failures are worth sending again: throttling, server errors and network faults
/// are; anything caused by the request itself (a missing queue, denied access, a bad parameter) is
/// not, because the same request would fail the same way.
/// </summary>
internal static class SqsErrorClassifier
{
    public static bool IsRetryableEntryFailure(bool? senderFault, string code) =>
        senderFault != true || IsTransientCode(code);

    public static EntryFailure Classify(Exception exception, bool stopping)
    {
        switch (exception)
        {
            case OperationCanceledException when stopping:
                return new EntryFailure("ShutdownTimeout", "the trail was disposed and its shutdown timeout ended before SQS answered", Retryable: false, exception);
            case AmazonServiceException service:
                var code = string.IsNullOrEmpty(service.ErrorCode) ? $"Http{(int)service.StatusCode}" : service.ErrorCode;
                var status = (int)service.StatusCode;
                var retryable = status >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests || IsTransientCode(code);
                return new EntryFailure(code, service.Message, retryable, exception);
            case AmazonClientException or HttpRequestException or IOException or TimeoutException or OperationCanceledException:
                return new EntryFailure(exception.GetType().Name, exception.Message, Retryable: true, exception);
            default:
                return new EntryFailure(exception.GetType().Name, exception.Message, Retryable: false, exception);
        }
    }

    private static bool IsTransientCode(string code) =>
        code.Contains("Throttl", StringComparison.OrdinalIgnoreCase)
        || code is "RequestLimitExceeded" or "ServiceUnavailable" or "InternalError" or "InternalFailure";
}
