using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Retries;

public sealed class RetryAndOrderingTests
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RecordAsync_EntryFailsOnceInABatch_LaterEventsOfItsGroupWaitAndOtherGroupsGoOn()
    {
        var sqs = new RecordingSqsClient();
        var time = new ObservedTimeProvider();
        var options = TestTrails.Options() with { GroupStrategy = new ActorIdGroupStrategy() };
        await using var trail = TestTrails.Create(sqs, options, time);
        var a1 = Some.AccessEvent(actorId: "group-a", minute: 1);
        var a2 = Some.AccessEvent(actorId: "group-a", minute: 2);
        var b1 = Some.AccessEvent(actorId: "group-b", minute: 1);
        var b2 = Some.AccessEvent(actorId: "group-b", minute: 2);
        var failedOnce = new HashSet<string>();
        sqs.Respond = batch => RecordingSqsClient.Answer(batch, e => e.DeduplicationId == a1.EventId && failedOnce.Add(e.DeduplicationId) ? Transient() : null);
        sqs.Hold();

        var recorded = new[] { a1, b1, a2, b2 }.Select(e => trail.RecordAsync(e)).ToList();
        await sqs.WaitForBatchesAsync(1);
        sqs.Release();
        await sqs.WaitForBatchesAsync(2);
        await recorded[3];
        await time.WaitForTimersAsync(1);
        time.Advance(MaxBackoff);
        await Task.WhenAll(recorded);

        SendOrder(sqs, "group-a").ShouldBe([a1.EventId, a1.EventId, a2.EventId]);
        SendOrder(sqs, "group-b").ShouldBe([b1.EventId, b2.EventId]);
        sqs.Entries.Select(e => e.DeduplicationId).ToList().IndexOf(b2.EventId)
            .ShouldBeLessThan(sqs.Entries.Select(e => e.DeduplicationId).ToList().LastIndexOf(a1.EventId), "other groups must not wait for a backing-off group");
    }

    [Fact]
    public async Task RecordAsync_ManyEventsWithRandomEntryFailures_EveryGroupIsSentInCallOrderAfterEachFailure()
    {
        var sqs = new RecordingSqsClient();
        var options = TestTrails.Options() with
        {
            GroupStrategy = MessageGroupStrategy.HashOfActor(4),
            MaxAttempts = 50,
            RetryBaseDelay = TimeSpan.FromTicks(1),
            RetryMaxDelay = TimeSpan.FromTicks(1),
        };
        await using var trail = TestTrails.Create(sqs, options, TimeProvider.System);
        var random = new Random(3);
        var gate = new Lock();
        sqs.Respond = batch => RecordingSqsClient.Answer(batch, _ =>
        {
            lock (gate)
            {
                return random.NextDouble() < 0.3 ? Transient() : null;
            }
        });
        var events = Enumerable.Range(0, 200).Select(i => Some.AccessEvent(actorId: $"user-{i % 9}", minute: i)).ToList();

        await Task.WhenAll(events.Select(e => trail.RecordAsync(e)));

        var accepted = AcceptedOrder(sqs);
        foreach (var group in events.GroupBy(e => options.GroupStrategy.GetMessageGroupId(e)))
        {
            accepted.Where(id => group.Any(e => e.EventId == id)).ShouldBe(group.Select(e => e.EventId), $"group {group.Key}");
        }

        sqs.Entries.Count.ShouldBeGreaterThan(200, "some entries must have failed for this test to mean anything");
    }

    [Fact]
    public async Task RecordAsync_RetriesExhausted_FailsWithCodeAndAttemptsThenTheGroupContinues()
    {
        var sqs = new RecordingSqsClient();
        var time = new ObservedTimeProvider();
        var options = TestTrails.Options() with { GroupStrategy = new ActorIdGroupStrategy(), MaxAttempts = 3 };
        await using var trail = TestTrails.Create(sqs, options, time);
        var doomed = Some.AccessEvent(actorId: "group-a", minute: 1);
        var next = Some.AccessEvent(actorId: "group-a", minute: 2);
        sqs.Respond = batch => RecordingSqsClient.Answer(batch, e => e.DeduplicationId == doomed.EventId ? Transient() : null);

        var failing = trail.RecordAsync(doomed);
        var following = trail.RecordAsync(next);
        for (var retry = 1; retry <= 2; retry++)
        {
            await time.WaitForTimersAsync(retry);
            time.Advance(MaxBackoff);
        }

        var failure = await Should.ThrowAsync<AuditDeliveryException>(() => failing);
        failure.Attempts.ShouldBe(3);
        failure.ErrorCode.ShouldBe("InternalError");
        failure.EventId.ShouldBe(doomed.EventId);
        (await following).ShouldBe(next.EventId);
        SendOrder(sqs, "group-a").ShouldBe([doomed.EventId, doomed.EventId, doomed.EventId, next.EventId]);
    }

    [Fact]
    public async Task RecordAsync_SenderFault_FailsAtOnceWithoutRetry()
    {
        var sqs = new RecordingSqsClient();
        var time = new ObservedTimeProvider();
        await using var trail = TestTrails.Create(sqs, time: time);
        sqs.Respond = batch => RecordingSqsClient.Answer(batch, _ => new BatchResultErrorEntry { SenderFault = true, Code = "InvalidParameterValue", Message = "bad" });

        var failure = await Should.ThrowAsync<AuditDeliveryException>(() => trail.RecordAsync(Some.AccessEvent()));

        failure.Attempts.ShouldBe(1);
        failure.ErrorCode.ShouldBe("InvalidParameterValue");
        time.TimerDueTimes.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordAsync_WholeCallThrottled_RetriesAfterBackoffAndSucceeds()
    {
        var sqs = new RecordingSqsClient();
        var time = new ObservedTimeProvider();
        await using var trail = TestTrails.Create(sqs, time: time);
        using var metrics = new MeterRecorder(trail.Meter);
        sqs.Respond = batch => batch.Index == 0
            ? throw new AmazonSQSException("Rate exceeded") { ErrorCode = "RequestThrottled", StatusCode = System.Net.HttpStatusCode.BadRequest }
            : RecordingSqsClient.AcceptAll(batch);

        var recorded = trail.RecordAsync(Some.AccessEvent());
        await time.WaitForTimersAsync(1);
        time.Advance(MaxBackoff);
        await recorded;

        sqs.Batches.Count.ShouldBe(2);
        metrics.TagValues(AuditTrailMetrics.EntriesRetried, "error").ShouldBe(["RequestThrottled"]);
    }

    [Fact]
    public async Task RecordAsync_QueueDoesNotExist_FailsAtOnceWithTheServiceCode()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);
        sqs.Respond = _ => throw new QueueDoesNotExistException("The specified queue does not exist.")
        {
            ErrorCode = "AWS.SimpleQueueService.NonExistentQueue",
            StatusCode = System.Net.HttpStatusCode.BadRequest,
        };

        var failure = await Should.ThrowAsync<AuditDeliveryException>(() => trail.RecordAsync(Some.AccessEvent()));

        failure.ErrorCode.ShouldBe("AWS.SimpleQueueService.NonExistentQueue");
        failure.Attempts.ShouldBe(1);
        failure.InnerException.ShouldBeOfType<QueueDoesNotExistException>();
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitterAndStaysWithinTheCap()
    {
        var trail = TestTrails.Create(new RecordingSqsClient(), TestTrails.Options() with { RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(1) });

        var delays = Enumerable.Range(1, 8).Select(trail.Backoff).ToList();

        delays[0].ShouldBeInRange(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        delays[2].ShouldBeInRange(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
        delays.Skip(4).ShouldAllBe(d => d >= TimeSpan.FromMilliseconds(500) && d <= TimeSpan.FromSeconds(1));
        trail.Dispose();
    }

    private static BatchResultErrorEntry Transient() => new() { SenderFault = false, Code = "InternalError", Message = "transient" };

    private static List<string> SendOrder(RecordingSqsClient sqs, string groupId) =>
        [.. sqs.Entries.Where(e => e.GroupId == groupId).Select(e => e.DeduplicationId)];

    /// <summary>Event ids in the order SQS accepted them: a resend counts only where it finally succeeded.</summary>
    private static List<string> AcceptedOrder(RecordingSqsClient sqs)
    {
        // The fake accepts an entry unless the responder failed it; an id's last send is its accepted one,
        // because the client never resends an accepted entry.
        var entries = sqs.Entries.Select((e, i) => (e.DeduplicationId, i)).ToList();
        return [.. entries.GroupBy(x => x.DeduplicationId).Select(g => (Id: g.Key, At: g.Max(x => x.i))).OrderBy(x => x.At).Select(x => x.Id)];
    }
}
