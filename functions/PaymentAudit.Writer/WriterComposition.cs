using Amazon.DynamoDBv2;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Telemetry;

namespace PaymentAudit.Writer;

/// <summary>Wires the writer's parts together: the one place that knows every concrete type.</summary>
public static class WriterComposition
{
    /// <summary>Builds a handler over <paramref name="dynamoDb"/> with <paramref name="settings"/>.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="time">Clock for receive times and metrics.</param>
    /// <param name="output">Where log and metric lines go (stdout in Lambda).</param>
    /// <param name="heads">Head cache to share, e.g. across local poller loops.</param>
    /// <param name="maxParallelGroups">Groups of a batch appended at once (see <see cref="BatchProcessor"/>).</param>
    public static SqsBatchHandler CreateHandler(
        WriterSettings settings, IAmazonDynamoDB dynamoDb, TimeProvider time, TextWriter output, ChainHeadCache? heads = null, int maxParallelGroups = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var telemetry = new BatchTelemetry(output, settings.MetricsNamespace, settings.Environment, time);
        var store = new DynamoDbChainStore(dynamoDb, settings.TableName);
        var appender = new ChainAppender(store, heads ?? new ChainHeadCache(), time);
        var validator = new AuditEventValidator(new ValidationLimits { MaxEventBytes = settings.MaxEventBytes });
        var processor = new BatchProcessor(validator, appender, telemetry.GroupFailed, maxParallelGroups);
        return new SqsBatchHandler(processor, telemetry);
    }

    /// <summary>The DynamoDB client for <paramref name="settings"/>: the default AWS chain, or the emulator endpoint.</summary>
    public static AmazonDynamoDBClient CreateDynamoDbClient(WriterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonDynamoDBConfig();
        if (settings.DynamoDbServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
        }

        return new AmazonDynamoDBClient(config);
    }
}
