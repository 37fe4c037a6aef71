using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Backpressure;

public sealed class BackpressureTests
{
    [Fact]
    public async Task RecordAsync_BufferFull_WaitsOutsideTheBufferUntilAnEventIsAccepted()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { BufferCapacity = 2, GroupStrategy = new ActorIdGroupStrategy() });
        var first = trail.RecordAsync(Some.AccessEvent(actorId: "a"));
        var second = trail.RecordAsync(Some.AccessEvent(actorId: "b"));

        var third = trail.RecordAsync(Some.AccessEvent(actorId: "c"));

        third.IsCompleted.ShouldBeFalse();
        trail.BufferedCount.ShouldBe(2);
        sqs.Release();
        await Task.WhenAll(first, second, third);
        sqs.Entries.Count.ShouldBe(3);
    }

    [Fact]
    public async Task RecordAsync_CancelledWhileWaitingForSpace_ThrowsAndNeverSendsTheEvent()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { BufferCapacity = 1 });
        var first = trail.RecordAsync(Some.AccessEvent(actorId: "a"));
        using var cancellation = new CancellationTokenSource();
        var blocked = Some.AccessEvent(actorId: "b");
        var waiting = trail.RecordAsync(blocked, cancellation.Token);

        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        sqs.Release();
        await first;
        trail.BufferedCount.ShouldBe(0);
        sqs.Entries.ShouldNotContain(e => e.DeduplicationId == blocked.EventId);
    }

    [Fact]
    public async Task RecordAsync_ManyMoreCallersThanCapacity_NeverHoldsMoreThanCapacity()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { BufferCapacity = 8 });
        var highWater = 0;
        sqs.Respond = batch =>
        {
            highWater = Math.Max(highWater, trail.BufferedCount);
            return RecordingSqsClient.AcceptAll(batch);
        };

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i % 40}"))));

        sqs.Entries.Count.ShouldBe(300);
        highWater.ShouldBeInRange(1, 8);
    }

    [Fact]
    public async Task RecordAsync_CallsThatWaitForSpace_EnterTheBufferInCallOrder()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { BufferCapacity = 1, GroupStrategy = MessageGroupStrategy.OneGroup("g") });
        var events = Enumerable.Range(0, 20).Select(i => Some.AccessEvent(minute: i)).ToList();

        var recorded = events.Select(e => trail.RecordAsync(e)).ToList();
        await sqs.WaitForBatchesAsync(1);
        sqs.Release();
        await Task.WhenAll(recorded);

        sqs.Entries.Select(e => e.DeduplicationId).ShouldBe(events.Select(e => e.EventId));
    }

    [Fact]
    public async Task RecordAsync_TokenAlreadyCancelled_NeverSendsTheEvent()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);

        await Should.ThrowAsync<OperationCanceledException>(() => trail.RecordAsync(Some.AccessEvent(), new CancellationToken(canceled: true)));

        await trail.DisposeAsync();
        sqs.Batches.ShouldBeEmpty();
    }
}
