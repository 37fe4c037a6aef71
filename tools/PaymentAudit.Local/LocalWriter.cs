using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Writer;
using PaymentAudit.Writer.Configuration;

namespace PaymentAudit.Local;

/// <summary>Connects the real writer handler to the local queue through a <see cref="LocalEventSource"/>.</summary>
public static class LocalWriter
{
    /// <summary>The metric dimension the writer reports locally.</summary>
    public const string EnvironmentName = "local";

    /// <summary>
    /// The writer as the Lambda runtime would build it (<see cref="WriterComposition"/>), over
    /// <paramref name="writerDynamoDb"/>, the table and archive bucket of <paramref name="resources"/>,
    /// fed from the queue of <paramref name="options"/>.
    /// </summary>
    /// <param name="sqs">Client of the queue.</param>
    /// <param name="writerDynamoDb">The writer's DynamoDB client (tests pass one that injects faults).</param>
    /// <param name="s3">The S3 client of the archive bucket.</param>
    /// <param name="resources">Table and archive bucket.</param>
    /// <param name="options">Queue, batching, timeouts and receive loops of the event source.</param>
    /// <param name="writerLog">Where the writer's JSON log and metric lines go.</param>
    /// <param name="parallelGroups">How many groups of a batch the writer appends at once.</param>
    public static LocalEventSource CreateEventSource(
        IAmazonSQS sqs, IAmazonDynamoDB writerDynamoDb, IAmazonS3 s3, LocalResources resources, EventSourceOptions options, TextWriter writerLog, int parallelGroups)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var settings = new WriterSettings { TableName = resources.TableName, Environment = EnvironmentName, ArchiveBucket = resources.ArchiveBucket };
        var handler = WriterComposition.CreateHandler(settings, writerDynamoDb, s3, TimeProvider.System, writerLog, maxParallelGroups: parallelGroups);
        return new LocalEventSource(sqs, options, handler.HandleAsync);
    }
}
