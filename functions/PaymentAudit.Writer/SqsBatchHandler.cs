using System.Globalization;
using System.Text.Json;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Sqs;
using PaymentAudit.Writer.Telemetry;

namespace PaymentAudit.Writer;

/// <summary>
/// Turns the SQS event JSON into a batch, processes it and answers with the partial batch
/// response. Everything the Lambda entry point does, as a class tests and the local poller drive.
/// </summary>
public sealed class SqsBatchHandler
{
    private readonly BatchProcessor _processor;
    private readonly BatchTelemetry _telemetry;

    /// <summary>Creates the handler.</summary>
    public SqsBatchHandler(BatchProcessor processor, BatchTelemetry telemetry)
    {
        _processor = processor;
        _telemetry = telemetry;
    }

    /// <summary>Handles one SQS event (JSON) and returns the batch response (JSON).</summary>
    public async Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken)
    {
        var sqsEvent = await JsonSerializer.DeserializeAsync(input, SqsJsonContext.Default.SqsEvent, cancellationToken)
            ?? throw new JsonException("The SQS event is null.");
        var report = await HandleAsync(sqsEvent, cancellationToken);
        var output = new MemoryStream();
        var response = new SqsBatchResponse(report.FailedMessageIds.Select(id => new BatchItemFailure(id)).ToList());
        await JsonSerializer.SerializeAsync(output, response, SqsJsonContext.Default.SqsBatchResponse, cancellationToken);
        output.Position = 0;
        return output;
    }

    /// <summary>Processes an already parsed event and writes its telemetry.</summary>
    public async Task<BatchReport> HandleAsync(SqsEvent sqsEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        var messages = (sqsEvent.Records ?? []).Select(ToQueuedMessage).ToList();
        var report = await _processor.ProcessAsync(messages, cancellationToken);
        _telemetry.Write(report);
        return report;
    }

    private static QueuedMessage ToQueuedMessage(SqsMessage message) => new(
        message.MessageId,
        message.Body ?? string.Empty,
        message.Attributes?.MessageGroupId ?? "ungrouped",
        int.TryParse(message.Attributes?.ApproximateReceiveCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1);
}
