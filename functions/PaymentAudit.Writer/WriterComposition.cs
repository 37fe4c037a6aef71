using Amazon.DynamoDBv2;
using Amazon.S3;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Storage.Configuration;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Telemetry;

namespace PaymentAudit.Writer;

/// <summary>Wires the writer's parts together: the one place that knows every concrete type.</summary>
public static class WriterComposition
{
    /// <summary>Builds a handler over <paramref name="dynamoDb"/> and <paramref name="s3"/> with <paramref name="settings"/>.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="s3">The S3 client of the archive bucket.</param>
    /// <param name="time">Clock for receive times and metrics.</param>
    /// <param name="output">Where log and metric records go (stdout in Lambda).</param>
    /// <param name="tails">Tail cache to share, e.g. across local poller loops.</param>
    /// <param name="maxParallelGroups">Groups of a batch appended at once (see <see cref="BatchProcessor"/>).</param>
    public static SqsBatchHandler CreateHandler(
        WriterSettings settings,
        IAmazonDynamoDB dynamoDb,
        IAmazonS3 s3,
        TimeProvider time,
        TextWriter output,
        ChainTailCache? tails = null,
        int maxParallelGroups = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var telemetry = new BatchTelemetry(output, settings.MetricsNamespace, settings.Environment, time);
        var store = new DynamoDbChainStore(dynamoDb, settings.TableName);
        var archive = new S3PayloadArchive(s3, settings.ArchiveBucket);
        var appender = new ChainAppender(store, archive, tails ?? new ChainTailCache(), time);
        var validator = new AuditEventValidator(new ValidationLimits { MaxEventBytes = settings.MaxEventBytes });
        var processor = new BatchProcessor(validator, appender, telemetry.GroupFailed, maxParallelGroups);
        return new SqsBatchHandler(processor, telemetry);
    }

    /// <summary>The DynamoDB client for <paramref name="settings"/>: the default AWS chain, or the emulator endpoint.</summary>
    public static AmazonDynamoDBClient CreateDynamoDbClient(WriterSettings settings) =>
        AwsClients.DynamoDb((settings ?? throw new ArgumentNullException(nameof(settings))).DynamoDbServiceUrl);

    /// <summary>The S3 client for <paramref name="settings"/>: the default AWS chain, or the emulator endpoint (path-style).</summary>
    public static AmazonS3Client CreateS3Client(WriterSettings settings) =>
        AwsClients.S3((settings ?? throw new ArgumentNullException(nameof(settings))).S3ServiceUrl);
}
