using PaymentAudit.Client.Internal;
using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Core.Contract;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Batching;

public sealed class BatchingTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task RecordAsync_25ConcurrentEventsInDistinctGroups_SendsTwoFullBatchesThenTheRestWhenTheWindowEnds()
    {
        var sqs = new RecordingSqsClient();
        var time = new ObservedTimeProvider();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { BatchWindow = Window, GroupStrategy = new ActorIdGroupStrategy() }, time);

        var recorded = Enumerable.Range(0, 25).Select(i => trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i}"))).ToList();
        await sqs.WaitForBatchesAsync(2);
        await time.WaitForTimersAsync(1);
        time.Advance(Window);
        await Task.WhenAll(recorded);

        sqs.Batches.Select(b => b.Entries.Count).ShouldBe([10, 10, 5]);
    }

    [Fact]
    public async Task RecordAsync_ManyEventsFewGroups_NeverPutsTwoEntriesOfOneGroupInABatch()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = MessageGroupStrategy.HashOfActor(3) });

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i % 7}"))));

        sqs.Entries.Count.ShouldBe(60);
        sqs.Batches.ShouldAllBe(b => b.Entries.Select(e => e.GroupId).Distinct().Count() == b.Entries.Count);
    }

    [Fact]
    public async Task RecordAsync_OneGroup_SendsItsEventsOneAfterAnotherInCallOrder()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = MessageGroupStrategy.OneGroup("all") });
        var events = Enumerable.Range(0, 5).Select(i => Some.AccessEvent(minute: i)).ToList();

        var recorded = events.Select(e => trail.RecordAsync(e)).ToList();
        await sqs.WaitForBatchesAsync(1);
        sqs.Release();
        await Task.WhenAll(recorded);

        sqs.Batches.ShouldAllBe(b => b.Entries.Count == 1);
        sqs.Entries.Select(e => e.DeduplicationId).ShouldBe(events.Select(e => e.EventId));
    }

    [Fact]
    public async Task RecordAsync_EventsLargerThanTheBatchLimitAllows_SplitsBatchesBySize()
    {
        var sqs = new RecordingSqsClient();
        var time = new ObservedTimeProvider();
        var large = Enumerable.Range(0, 10).Select(i => LargeEvent($"user-{i}")).ToList();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(Some.Json(large[0]));
        var options = TestTrails.Options() with { BatchWindow = Window, GroupStrategy = new ActorIdGroupStrategy() };
        await using var trail = TestTrails.Create(sqs, options, time, maxBatchBytes: (bytes * 3) + 100);

        var recorded = large.Select(e => trail.RecordAsync(e)).ToList();
        await sqs.WaitForBatchesAsync(1);
        await time.WaitForTimersAsync(1);
        time.Advance(Window);
        await Task.WhenAll(recorded);

        sqs.Batches.Select(b => b.Entries.Count).ShouldBe([3, 3, 3, 1]);
        sqs.Batches.ShouldAllBe(b => b.Entries.Sum(e => e.Body.Length) <= (bytes * 3) + 100);
    }

    [Fact]
    public async Task RecordAsync_FullBatches_RecordsBatchMetrics()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { MaxConcurrentBatches = 1, GroupStrategy = new ActorIdGroupStrategy() });
        using var metrics = new MeterRecorder(trail.Meter);

        var first = trail.RecordAsync(Some.AccessEvent(actorId: "user-first"));
        await sqs.WaitForBatchesAsync(1);
        var rest = Enumerable.Range(0, 10).Select(i => trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i}"))).ToList();
        sqs.Release();
        await Task.WhenAll([first, .. rest]);

        sqs.Batches.Select(b => b.Entries.Count).ShouldBe([1, 10]);
        metrics.Sum(AuditTrailMetrics.EventsAccepted).ShouldBe(11);
        metrics.Sum(AuditTrailMetrics.BatchesSent).ShouldBe(sqs.Batches.Count);
        metrics.Values(AuditTrailMetrics.BatchEntries).Sum().ShouldBe(11);
    }

    private static AuditEvent LargeEvent(string actorId) => Some.AccessEvent(actorId: actorId) with
    {
        Query = new QueryDetails(
            Enumerable.Range(0, 40).Select(i => $"pay-{i:D4}-{new string('q', 110)}").ToList(),
            new string('d', 1_000)),
        Response = new ResponseDetails(Enumerable.Range(0, 50).Select(i => $"pay-{i:D4}-{new string('r', 110)}").ToList()),
    };

    [Fact]
    public async Task RecordAsync_ManyBatches_EachCallCarriesExactlyItsOwnEvents()
    {
        // Requests are reused between calls: every recorded call must still hold the bodies, groups
        // and deduplication ids of the events it was sent for, none missing and none repeated.
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = new ActorIdGroupStrategy() });
        var events = Enumerable.Range(0, 300).Select(i => Some.AccessEvent(actorId: $"user-{i % 40}", minute: i)).ToList();

        await Task.WhenAll(events.Select(e => trail.RecordAsync(e)));

        sqs.Batches.Count.ShouldBeGreaterThan(4);
        sqs.Entries.Select(e => (e.DeduplicationId, e.Body, e.GroupId))
            .ShouldBe(events.Select(e => (e.EventId, Some.Json(e), e.Actor.Id)), ignoreOrder: true);
        sqs.Batches.ShouldAllBe(b => b.Entries.Select((e, i) => e.Id == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).All(ok => ok));
    }

    [Fact]
    public async Task RecordAsync_AGroupPerEvent_ForgetsIdleGroupsBeyondTheLimit()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = new ActorIdGroupStrategy() });
        var count = BatchingAuditTrail.IdleGroupsKept + 500;

        await Task.WhenAll(Enumerable.Range(0, count).Select(i => trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i}"))));
        await trail.DisposeAsync();

        sqs.Entries.Count.ShouldBe(count);
        trail.TrackedGroupCount.ShouldBeLessThanOrEqualTo(BatchingAuditTrail.IdleGroupsKept);
    }
}
