using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace PaymentAudit.Storage;

/// <summary>Tells transient DynamoDB faults (worth retrying later) from bugs and permanent errors.</summary>
public static class TransientFaults
{
    /// <summary>Cancellation reason codes that mean "try again later" rather than "your condition failed".</summary>
    private static readonly HashSet<string> TransientCancellationCodes =
        new(StringComparer.Ordinal) { "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded" };

    /// <summary>True when <paramref name="exception"/> is throttling, a server error, a conflict or a network/timeout fault.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException or ThrottlingException
            or InternalServerErrorException or TransactionInProgressException or TransactionConflictException => true,
        TransactionCanceledException cancelled => cancelled.CancellationReasons?.Any(r => r.Code is not null && TransientCancellationCodes.Contains(r.Code)) == true,
        AmazonServiceException service when (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests => true,
        AmazonDynamoDBException { ErrorCode: "ThrottlingException" or "Throttling" } => true,
        AmazonClientException { InnerException: HttpRequestException or IOException or TaskCanceledException } => true,
        HttpRequestException or IOException => true,
        OperationCanceledException when !callerToken.IsCancellationRequested => true,
        _ => false,
    };
}
