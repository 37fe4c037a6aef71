using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PaymentAudit.Auditing.Targets;

/// <summary>Finds a local queue's URL by asking the emulator.</summary>
public sealed class SqsQueueLocator : IQueueLocator
{
    /// <inheritdoc />
    public async Task<string> LocateAsync(Uri endpoint, string queueName, CancellationToken cancellationToken)
    {
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("local", "local"), new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 1 });
        try
        {
            return (await sqs.GetQueueUrlAsync(queueName, cancellationToken)).QueueUrl;
        }
        catch (QueueDoesNotExistException ex)
        {
            throw new StoreUnreachableException($"The local SQS at {endpoint} has no queue '{queueName}': is 'paymentaudit local up' running with these ports?", ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or AmazonServiceException)
        {
            throw new StoreUnreachableException($"Nothing answers at {endpoint}: start the local pipeline with 'paymentaudit local up' (or pass its --sqs-port).", ex);
        }
    }
}
