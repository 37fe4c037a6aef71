using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Storage;

namespace PaymentAudit.Local.Provisioning;

/// <summary>
/// Creates the local resources from the shared topology: the audit table (through
/// <see cref="AuditTableProvisioner"/>), the FIFO dead-letter queue, the FIFO audit queue with
/// its redrive policy, and the archive bucket. Existing resources of the same names are reused (a
/// persisted run's), the audit queue's visibility timeout and redrive policy brought up to the
/// given values.
/// </summary>
public static class LocalProvisioner
{
    /// <summary>Provisions the table and both queues and returns where they are.</summary>
    public static async Task<LocalResources> ProvisionAsync(
        IAmazonDynamoDB dynamoDb,
        IAmazonSQS sqs,
        IAmazonS3 s3,
        string tableName,
        string queueName,
        string deadLetterQueueName,
        string archiveBucket,
        int maxReceiveCount,
        TimeSpan visibilityTimeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(s3);
        var table = AuditTableProvisioner.EnsureTableAsync(dynamoDb, tableName, cancellationToken);
        await EnsureBucketAsync(s3, archiveBucket, cancellationToken);

        var deadLetter = await sqs.CreateQueueAsync(
            new CreateQueueRequest { QueueName = deadLetterQueueName, Attributes = AuditQueueAttributes.DeadLetterQueue() }, cancellationToken);
        var deadLetterArn = await QueueArnAsync(sqs, deadLetter.QueueUrl, cancellationToken);
        var attributes = AuditQueueAttributes.AuditQueue(deadLetterArn, maxReceiveCount, visibilityTimeout);
        string queueUrl;
        try
        {
            queueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = queueName, Attributes = attributes }, cancellationToken)).QueueUrl;
        }
        catch (QueueNameExistsException)
        {
            // A persisted queue from an earlier run with other settings (say another visibility
            // timeout): keep it and its messages, and bring the attributes a run may change up to date.
            queueUrl = (await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = queueName }, cancellationToken)).QueueUrl;
            await sqs.SetQueueAttributesAsync(
                new SetQueueAttributesRequest
                {
                    QueueUrl = queueUrl,
                    Attributes = attributes
                        .Where(a => a.Key == QueueAttributeName.VisibilityTimeout || a.Key == QueueAttributeName.RedrivePolicy)
                        .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
                },
                cancellationToken);
        }

        await table;
        return new LocalResources(tableName, queueUrl, deadLetter.QueueUrl, archiveBucket);
    }

    private static async Task EnsureBucketAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    private static async Task<string> QueueArnAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken)
    {
        var response = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [QueueAttributeName.QueueArn] }, cancellationToken);
        return response.Attributes?.GetValueOrDefault(QueueAttributeName.QueueArn)
            ?? throw new InvalidOperationException($"The queue '{queueUrl}' reported no {QueueAttributeName.QueueArn}.");
    }
}
