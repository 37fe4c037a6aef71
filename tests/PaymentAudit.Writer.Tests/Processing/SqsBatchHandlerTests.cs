using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Lambda;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Telemetry;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Processing;

public sealed class SqsBatchHandlerTests
{
    private readonly ScriptedChainStore _store = new();
    private readonly LambdaLogFrames _frames = new();

    [Fact]
    public async Task HandleAsync_ReadsTheLambdaSqsEventAndAnswersWithBatchItemFailures()
    {
        _store.FailingChains.Add("broken");
        var sqsEvent = $$"""
        {"Records":[
          {"messageId":"m-1","receiptHandle":"r1","body":{{JsonSerializer.Serialize(Some.Json(Some.AccessEvent()))}},
           "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1700000000000","SequenceNumber":"1","MessageGroupId":"ok","MessageDeduplicationId":"d1","SenderId":"X","ApproximateFirstReceiveTimestamp":"1700000000001"},
           "messageAttributes":{},"md5OfBody":"x","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:111111111111:audit.fifo","awsRegion":"eu-west-1"},
          {"messageId":"m-2","receiptHandle":"r2","body":{{JsonSerializer.Serialize(Some.Json(Some.AccessEvent()))}},
           "attributes":{"ApproximateReceiveCount":"3","SequenceNumber":"2","MessageGroupId":"broken"},
           "messageAttributes":{},"eventSource":"aws:sqs"}
        ]}
        """;

        using var response = await Handler().HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(sqsEvent)), CancellationToken.None);

        using var document = await JsonDocument.ParseAsync(response);
        document.RootElement.GetRawText().ShouldBe("""{"batchItemFailures":[{"itemIdentifier":"m-2"}]}""");
    }

    [Fact]
    public async Task HandleAsync_WritesOneLogRecordAndOneEmbeddedMetricRecordPerBatch()
    {
        var delivery = new Delivery();

        await Handler().ProcessAsync([delivery.Message("g", Some.Json(Some.AccessEvent())), delivery.Message("g", "oops")]);

        _frames.Records.Count.ShouldBe(2);
        using var log = JsonDocument.Parse(_frames.Records[0]);
        log.RootElement.GetProperty("accepted").GetInt32().ShouldBe(1);
        log.RootElement.GetProperty("rejected").GetInt32().ShouldBe(1);
        log.RootElement.GetProperty("rejections")[0].GetProperty("code").GetString().ShouldBe("not_json");
        _frames.Records[0].ShouldNotContain("oops");
        using var metrics = JsonDocument.Parse(_frames.Records[1]);
        var directive = metrics.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        directive.GetProperty("Namespace").GetString().ShouldBe("PaymentAudit");
        directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString())
            .ShouldBe(["Accepted", "Rejected", "Redacted", "Duplicate", "ConflictingDuplicate", "Failed", "BatchDurationMs"]);
        metrics.RootElement.GetProperty("Environment").GetString().ShouldBe("test");
        metrics.RootElement.GetProperty("Rejected").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task HandleAsync_UnderTheRuntimesJsonLogFormat_EveryRecordIsOneJsonDocumentWithEmfAtItsTopLevel()
    {
        var delivery = new Delivery();

        await Handler().ProcessAsync([delivery.Message("g", Some.Json(Some.AccessEvent()))]);

        // Every record parses as exactly one JSON object: none is two documents in one frame, and
        // none was wrapped as a "message" string (which is what WriteLine would have caused).
        foreach (var record in _frames.Records)
        {
            using var document = JsonDocument.Parse(record);
            document.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        }

        _frames.Records.Count(r => JsonDocument.Parse(r).RootElement.TryGetProperty("_aws", out _)).ShouldBe(1);
    }

    [Fact]
    public void GroupFailed_WritesOneErrorRecordWithoutPayloadContent()
    {
        var telemetry = new BatchTelemetry(_frames, "PaymentAudit", "test", TimeProvider.System);

        telemetry.GroupFailed("g", new InvalidOperationException("boom"));

        using var record = JsonDocument.Parse(_frames.Records.Single());
        record.RootElement.GetProperty("level").GetString().ShouldBe("error");
        record.RootElement.GetProperty("chainId").GetString().ShouldBe("g");
    }

    private SqsBatchHandler Handler()
    {
        var telemetry = new BatchTelemetry(_frames, "PaymentAudit", "test", TimeProvider.System);
        var processor = new BatchProcessor(
            new AuditEventValidator(), new ChainAppender(_store, new RecordingArchive(), new ChainTailCache(), TimeProvider.System), telemetry.GroupFailed);
        return new SqsBatchHandler(processor, telemetry);
    }
}
