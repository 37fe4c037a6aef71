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
    public static SqsBatchHandler CreateHandler(
        WriterSettings settings, IAmazonDynamoDB dynamoDb, TimeProvider time, TextWriter output, ChainHeadCache? heads = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var telemetry = new BatchTelemetry(output, settings.MetricsNamespace, settings.Environment, time);
        var store = new DynamoDbChainStore(dynamoDb, settings.TableName);
        var appender = new ChainAppender(store, heads ?? new ChainHeadCache(), time);
        var validator = new AuditEventValidator(new ValidationLimits { MaxEventBytes = settings.MaxEventBytes });
        var processor = new BatchProcessor(validator, appender, telemetry.GroupFailed);
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
