using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Lifetime;

public sealed class DisposeTests
{
    [Fact]
    public async Task DisposeAsync_EventsInFlight_WaitsUntilSqsAcceptedThem()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = new ActorIdGroupStrategy() });
        var recorded = Enumerable.Range(0, 3).Select(i => trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i}"))).ToList();

        var disposing = trail.DisposeAsync().AsTask();
        disposing.IsCompleted.ShouldBeFalse();
        sqs.Release();
        await disposing;

        recorded.ShouldAllBe(r => r.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DisposeAsync_SqsNeverAnswers_FailsWaitingEventsWhenTheShutdownTimeoutEnds()
    {
        var sqs = new RecordingSqsClient();
        sqs.Hold();
        var time = new ObservedTimeProvider();
        var trail = TestTrails.Create(sqs, TestTrails.Options() with { ShutdownTimeout = TimeSpan.FromSeconds(5), GroupStrategy = MessageGroupStrategy.OneGroup("g") }, time);
        var inFlight = trail.RecordAsync(Some.AccessEvent(minute: 1));
        var queued = trail.RecordAsync(Some.AccessEvent(minute: 2));
        await sqs.WaitForBatchesAsync(1);

        var disposing = trail.DisposeAsync().AsTask();
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));
        await disposing;

        (await Should.ThrowAsync<AuditDeliveryException>(() => inFlight)).ErrorCode.ShouldBe("ShutdownTimeout");
        (await Should.ThrowAsync<AuditDeliveryException>(() => queued)).ErrorCode.ShouldBe("ShutdownTimeout");
        sqs.Entries.Count.ShouldBe(1);
    }
}
