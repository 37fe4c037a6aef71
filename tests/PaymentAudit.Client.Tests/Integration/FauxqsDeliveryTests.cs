using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using PaymentAudit.Client.Internal;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Integration;

/// <summary>The client against fauxqs over the real AWS SDK and HTTP, with faults injected below the SDK.</summary>
[Collection(FauxqsCollection.Name)]
public sealed class FauxqsDeliveryTests(FauxqsFixture fauxqs)
{
    [Fact]
    public async Task ConcurrentCallersAcrossManyGroups_EveryEventArrivesOnceAndEachActorInOrder()
    {
        var queueUrl = await fauxqs.CreateFifoQueueAsync("order");
        using var sqs = fauxqs.CreateClient();
        var sent = new Dictionary<string, List<string>>();
        await using (var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = queueUrl }))
        {
            var callers = Enumerable.Range(0, 64).Select(async caller =>
            {
                var actor = $"user-{caller:D2}";
                await Task.Yield();
                return (actor, await RecordInBurstsAsync(trail, actor, bursts: 3, perBurst: 4));
            });
            foreach (var (actor, ids) in await Task.WhenAll(callers))
            {
                sent[actor] = ids;
            }
        }

        var stored = await FifoQueues.DrainAsync(sqs, queueUrl);

        stored.Count.ShouldBe(64 * 3 * 4);
        ShouldKeepEachActorsOrder(stored, sent);
        ShouldKeepSequenceOrderPerGroup(stored);
    }

    [Fact]
    public async Task SameEventIdRecordedTwice_IsStoredOnce()
    {
        var queueUrl = await fauxqs.CreateFifoQueueAsync("dedup");
        using var sqs = fauxqs.CreateClient();
        var auditEvent = Some.AccessEvent();
        await using (var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = queueUrl }))
        {
            (await trail.RecordAsync(auditEvent)).ShouldBe(auditEvent.EventId);
            (await trail.RecordAsync(auditEvent)).ShouldBe(auditEvent.EventId);
        }

        var stored = await FifoQueues.DrainAsync(sqs, queueUrl);

        stored.ShouldHaveSingleItem().Body.ShouldBe(Some.Json(auditEvent));
    }

    [Fact]
    public async Task PartialBatchFailuresThrottlingAndLostResponses_EveryEventDeliveredExactlyOnceInOrder()
    {
        var queueUrl = await fauxqs.CreateFifoQueueAsync("faults");
        using var faults = new SqsFaultInjectingHandler(seed: 5) { EntryFailureRate = 0.2, ThrottleRate = 0.1, LostResponseRate = 0.05 };
        using var faulty = fauxqs.CreateClient(faults);
        var options = new AuditTrailOptions
        {
            QueueUrl = queueUrl,
            MaxAttempts = 30,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        };
        var sent = new Dictionary<string, List<string>>();
        await using (var trail = AuditTrail.Create(faulty, options))
        {
            var callers = Enumerable.Range(0, 32).Select(async caller =>
            {
                var actor = $"user-{caller:D2}";
                await Task.Yield();
                return (actor, await RecordInBurstsAsync(trail, actor, bursts: 2, perBurst: 5));
            });
            foreach (var (actor, ids) in await Task.WhenAll(callers))
            {
                sent[actor] = ids;
            }
        }

        using var sqs = fauxqs.CreateClient();
        var stored = await FifoQueues.DrainAsync(sqs, queueUrl);

        faults.FailedEntries.ShouldBeGreaterThan(0);
        faults.ThrottledCalls.ShouldBeGreaterThan(0);
        faults.LostResponses.ShouldBeGreaterThan(0);
        stored.Select(m => EventId(m)).ShouldBeUnique();
        stored.Count.ShouldBe(32 * 2 * 5);
        ShouldKeepEachActorsOrder(stored, sent);
    }

    [Fact]
    public async Task OversizeAndInvalidEvents_FailFastWithReasonsAndNothingIsQueued()
    {
        var queueUrl = await fauxqs.CreateFifoQueueAsync("invalid");
        using var sqs = fauxqs.CreateClient();
        await using (var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = queueUrl }))
        {
            var oversize = Some.AccessEvent() with { Query = new QueryDetails(Description: new string('x', 70_000)) };
            var badCurrency = Some.PaymentEvent() with { Payment = new PaymentDetails("pay-1", "1.00", "eur") };
            var withPanInItsId = Some.AccessEvent(eventId: "evt-5500000000000004");

            (await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(oversize))).Rejection.Code.ShouldBe(RejectionCode.Oversize);
            (await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(badCurrency))).Message.ShouldContain("payment.currency");
            (await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(withPanInItsId))).Rejection.Code.ShouldBe(RejectionCode.ForbiddenContent);
        }

        (await FifoQueues.DrainAsync(sqs, queueUrl)).ShouldBeEmpty();
    }

    [Fact]
    public async Task QueueThatDoesNotExist_FailsAtOnceWithTheServiceErrorCode()
    {
        var existing = await fauxqs.CreateFifoQueueAsync("exists");
        var missing = existing.Replace("exists", "missing", StringComparison.Ordinal);
        using var sqs = fauxqs.CreateClient();
        await using var trail = new BatchingAuditTrail(sqs, new AuditTrailOptions { QueueUrl = missing }, NullLogger.Instance, TimeProvider.System);

        var failure = await Should.ThrowAsync<AuditDeliveryException>(() => trail.RecordAsync(Some.AccessEvent()));

        failure.Attempts.ShouldBe(1);
        failure.ErrorCode.ShouldContain("NonExistentQueue");
    }

    /// <summary>
    /// Records bursts of events for one actor: each burst is started without waiting (so several
    /// events of the actor wait in the buffer together, behind any that fail), then awaited.
    /// Returns the ids in call order, which is the order the queue must keep.
    /// </summary>
    private static async Task<List<string>> RecordInBurstsAsync(IAuditTrail trail, string actor, int bursts, int perBurst)
    {
        var ids = new List<string>();
        for (var burst = 0; burst < bursts; burst++)
        {
            var events = Enumerable.Range(0, perBurst).Select(i => Some.AccessEvent(actorId: actor, minute: (burst * perBurst) + i)).ToList();
            var recorded = events.Select(e => trail.RecordAsync(e)).ToList();
            ids.AddRange(await Task.WhenAll(recorded));
        }

        return ids;
    }

    private static string EventId(Message message) =>
        System.Text.Json.JsonDocument.Parse(message.Body).RootElement.GetProperty("eventId").GetString()!;

    private static void ShouldKeepEachActorsOrder(IReadOnlyList<Message> stored, Dictionary<string, List<string>> sent)
    {
        var byActor = stored
            .Select(m => JsonActorAndId(m.Body))
            .GroupBy(x => x.Actor)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        byActor.Keys.Order().ShouldBe(sent.Keys.Order());
        foreach (var (actor, ids) in sent)
        {
            byActor[actor].ShouldBe(ids, $"events of {actor} must arrive in the order they were recorded");
        }
    }

    private static void ShouldKeepSequenceOrderPerGroup(IReadOnlyList<Message> stored)
    {
        foreach (var group in stored.GroupBy(m => m.Attributes![MessageSystemAttributeName.MessageGroupId]))
        {
            var sequence = group.Select(m => decimal.Parse(m.Attributes![MessageSystemAttributeName.SequenceNumber], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            sequence.SequenceEqual(sequence.Order()).ShouldBeTrue($"group {group.Key} must be received in sequence order");
        }
    }

    private static (string Actor, string Id) JsonActorAndId(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var root = document.RootElement;
        return (root.GetProperty("actor").GetProperty("id").GetString()!, root.GetProperty("eventId").GetString()!);
    }
}
