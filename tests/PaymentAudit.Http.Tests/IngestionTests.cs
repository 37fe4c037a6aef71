using System.Net;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Http.Tests.Support;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Http.Tests;

/// <summary>The routes against an SQS double: what reaches the queue, and what the caller is told.</summary>
public sealed class IngestionTests : IAsyncLifetime
{
    private readonly RecordingQueue _queue = new();
    private RunningEndpoint _endpoint = null!;

    public static TheoryData<string> CorpusSamples => [.. Corpus.Names("valid", "invalid", "beyond-schema", "redacted")];

    public async Task InitializeAsync() => _endpoint = await RunningEndpoint.StartAsync(_queue.Client, RecordingQueue.QueueUrl);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task PostEvent_Valid_SendsTheBodyAsReceivedGroupedByActorAndDeduplicatedByEventId()
    {
        var body = Some.Json(Some.AccessEvent(eventId: "evt-1", actorId: "user-ana"));

        var reply = await _endpoint.PostAsync("/v1/events", body);

        reply.Status.ShouldBe(202);
        reply.Body.GetProperty("eventId").GetString().ShouldBe("evt-1");
        reply.Body.GetProperty("messageId").GetString().ShouldBe("m-1");
        var sent = _queue.Sent.ShouldHaveSingleItem();
        sent.QueueUrl.ShouldBe(RecordingQueue.QueueUrl);
        sent.MessageBody.ShouldBe(body);
        sent.MessageGroupId.ShouldBe("user-ana");
        sent.MessageDeduplicationId.ShouldBe("evt-1");
    }

    [Fact]
    public async Task PostEvent_WithGroupHeader_UsesTheHeaderAsTheGroup()
    {
        var reply = await _endpoint.PostAsync("/v1/events", Some.Json(Some.AccessEvent()), group: "audit-17");

        reply.Status.ShouldBe(202);
        _queue.Sent.ShouldHaveSingleItem().MessageGroupId.ShouldBe("audit-17");
    }

    [Theory]
    [MemberData(nameof(CorpusSamples))]
    public async Task PostEvent_CorpusSample_GetsTheValidatorsVerdictAndCode(string name)
    {
        var expectedCode = Corpus.ExpectedCode(name);

        var reply = await _endpoint.PostAsync("/v1/events", Corpus.Read(name));

        if (expectedCode is null)
        {
            reply.Status.ShouldBe(202, reply.Body.ToString());
            _queue.Sent.ShouldHaveSingleItem();
        }
        else
        {
            reply.Status.ShouldBe(400);
            reply.Code.ShouldBe(expectedCode, reply.Body.ToString());
            reply.Body.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
            _queue.Sent.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task PostEvent_WithACardNumberTheValidatorMasks_IsSentAsReceivedForTheWriterToMask()
    {
        var name = Corpus.Names("redacted").First();
        var body = Corpus.Read(name);

        var reply = await _endpoint.PostAsync("/v1/events", body);

        reply.Status.ShouldBe(202);
        _queue.Sent.ShouldHaveSingleItem().MessageBody.ShouldBe(body);
    }

    [Fact]
    public async Task PostEvent_LargerThanTheContractsLimit_Is413Oversize()
    {
        var json = Some.Json(Some.AccessEvent());
        var body = "{" + new string(' ', 70_000) + json[1..];

        var reply = await _endpoint.PostAsync("/v1/events", body);

        reply.Status.ShouldBe(413);
        reply.Code.ShouldBe("oversize");
        _queue.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostEvent_NotJsonMediaType_Is415()
    {
        var reply = await _endpoint.PostAsync("/v1/events", Some.Json(Some.AccessEvent()), contentType: "text/plain");

        reply.Status.ShouldBe(415);
        reply.Code.ShouldBe("unsupported_media_type");
        _queue.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostEvent_GroupHeaderSqsWouldRefuse_Is400QueueRefusedAndNothingIsSent()
    {
        var reply = await _endpoint.PostAsync("/v1/events", Some.Json(Some.AccessEvent()), group: "has space");

        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe("queue_refused");
        _queue.Sent.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("RequestThrottled", HttpStatusCode.BadRequest)]
    [InlineData("InternalError", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task PostEvent_QueueThrottlesOrFails_Is503WithRetryAfter(string errorCode, HttpStatusCode status)
    {
        _queue.FailWith(new AmazonSQSException("no", Amazon.Runtime.ErrorType.Unknown, errorCode, "req", status));

        var reply = await _endpoint.PostAsync("/v1/events", Some.Json(Some.AccessEvent()));

        reply.Status.ShouldBe(503);
        reply.Code.ShouldBe("queue_unavailable");
        reply.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostEvent_QueueUnreachable_Is503WithRetryAfter()
    {
        _queue.FailWith(new HttpRequestException("connection refused"));

        var reply = await _endpoint.PostAsync("/v1/events", Some.Json(Some.AccessEvent()));

        reply.Status.ShouldBe(503);
        reply.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostEvent_QueueRefusesTheRequest_Is400QueueRefusedWithSqsCode()
    {
        _queue.FailWith(new AmazonSQSException("bad", Amazon.Runtime.ErrorType.Sender, "InvalidMessageContents", "req", HttpStatusCode.BadRequest));

        var reply = await _endpoint.PostAsync("/v1/events", Some.Json(Some.AccessEvent()));

        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe("queue_refused");
        reply.Body.GetProperty("reason").GetString()!.ShouldContain("InvalidMessageContents");
        reply.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task PostBatch_ValidEvents_SendsOneBatchWithIndexIdsAndAnswersPerEntry()
    {
        var events = new[] { Some.AccessEvent(eventId: "e0", actorId: "ana"), Some.PaymentEvent(eventId: "e1"), Some.AccessEvent(eventId: "e2", actorId: "ana") };
        var body = "[" + string.Join(",", events.Select(Some.Json)) + "]";

        var reply = await _endpoint.PostAsync("/v1/events/batch", body);

        reply.Status.ShouldBe(202);
        var batch = _queue.Batches.ShouldHaveSingleItem();
        batch.Entries.Select(e => (e.Id, e.MessageGroupId, e.MessageDeduplicationId, e.MessageBody))
            .ShouldBe([("0", "ana", "e0", Some.Json(events[0])), ("1", "svc-settlement", "e1", Some.Json(events[1])), ("2", "ana", "e2", Some.Json(events[2]))]);
        reply.Body.GetProperty("accepted").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("eventId").GetString()))
            .ShouldBe([(0, "e0"), (1, "e1"), (2, "e2")]);
        reply.Body.GetProperty("failed").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PostBatch_WithGroupHeader_PutsEveryEntryInThatGroup()
    {
        var body = $"[{Some.Json(Some.AccessEvent(actorId: "a"))},{Some.Json(Some.AccessEvent(actorId: "b"))}]";

        await _endpoint.PostAsync("/v1/events/batch", body, group: "audit-03");

        _queue.Batches.ShouldHaveSingleItem().Entries.Select(e => e.MessageGroupId).ShouldBe(["audit-03", "audit-03"]);
    }

    [Fact]
    public async Task PostBatch_OneEntryInvalid_Is400NamingItsIndexAndNothingIsSent()
    {
        var body = $"[{Some.Json(Some.AccessEvent())},{Corpus.Read("invalid/missing_field__actor.json")}]";

        var reply = await _endpoint.PostAsync("/v1/events/batch", body);

        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe("missing_field");
        reply.Body.GetProperty("index").GetInt32().ShouldBe(1);
        reply.Body.GetProperty("reason").GetString()!.ShouldStartWith("event 1: ");
        _queue.Batches.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\"event\"")]
    public async Task PostBatch_NotAnArrayOfEvents_Is400InvalidBatch(string body)
    {
        var reply = await _endpoint.PostAsync("/v1/events/batch", body);

        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe("invalid_batch");
    }

    [Fact]
    public async Task PostBatch_ElevenEvents_Is400InvalidBatch()
    {
        var body = "[" + string.Join(",", Enumerable.Range(0, 11).Select(_ => Some.Json(Some.AccessEvent()))) + "]";

        var reply = await _endpoint.PostAsync("/v1/events/batch", body);

        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe("invalid_batch");
        _queue.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task PostBatch_NotJson_Is400NotJson()
    {
        var reply = await _endpoint.PostAsync("/v1/events/batch", "[{");

        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe("not_json");
    }

    [Fact]
    public async Task PostBatch_SqsFailsSomeEntries_Is202WithTheFailedEntriesMarkedRetryable()
    {
        _queue.FailEntry = entry => entry.Id == "1";
        var body = $"[{Some.Json(Some.AccessEvent(eventId: "a"))},{Some.Json(Some.AccessEvent(eventId: "b"))},{Some.Json(Some.AccessEvent(eventId: "c"))}]";

        var reply = await _endpoint.PostAsync("/v1/events/batch", body);

        reply.Status.ShouldBe(202);
        reply.Body.GetProperty("accepted").EnumerateArray().Select(e => e.GetProperty("index").GetInt32()).ShouldBe([0, 2]);
        var failed = reply.Body.GetProperty("failed").EnumerateArray().ShouldHaveSingleItem();
        failed.GetProperty("index").GetInt32().ShouldBe(1);
        failed.GetProperty("eventId").GetString().ShouldBe("b");
        failed.GetProperty("code").GetString().ShouldBe("InternalError");
        failed.GetProperty("retryable").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task PostBatch_QueueThrottlesTheCall_Is503WithRetryAfter()
    {
        _queue.FailWith(new AmazonSQSException("slow down", Amazon.Runtime.ErrorType.Sender, "ThrottlingException", "req", HttpStatusCode.BadRequest));

        var reply = await _endpoint.PostAsync("/v1/events/batch", $"[{Some.Json(Some.AccessEvent())}]");

        reply.Status.ShouldBe(503);
        reply.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostBatch_EventsAddingUpToMoreThanOneSqsBatch_Is413()
    {
        // Each event is valid (30 KB, whitespace inside the object counts), ten of them are not one SQS batch.
        var events = Enumerable.Range(0, 10).Select(_ => "{" + new string(' ', 30_000) + Some.Json(Some.AccessEvent())[1..]);
        var body = "[" + string.Join(",", events) + "]";

        var reply = await _endpoint.PostAsync("/v1/events/batch", body);

        reply.Status.ShouldBe(413);
        reply.Code.ShouldBe("oversize");
        _queue.Batches.ShouldBeEmpty();
    }
}
