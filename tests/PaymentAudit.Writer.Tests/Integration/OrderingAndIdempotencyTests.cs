using PaymentAudit.Core.Chain;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Integration;

[Collection(UsesDynamoDbLocal.Name)]
public sealed class OrderingAndIdempotencyTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    [Fact]
    public async Task Chains_keep_send_order_across_many_batches()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var groups = new[] { "merchant-a", "merchant-b", "merchant-c", "merchant-d" };
        var sent = new Dictionary<string, List<string>>();
        var messages = new List<QueuedMessage>();
        for (var i = 0; i < 240; i++)
        {
            // Interleave groups unevenly so batches mix groups in varying proportions.
            var group = groups[(i * 7 / 3) % groups.Length];
            var e = Some.AccessEvent(minute: i);
            sent.TryAdd(group, []);
            sent[group].Add(e.EventId);
            messages.Add(delivery.Message(group, Some.Json(e)));
        }

        var queue = new FifoQueueModel(messages);
        await queue.DrainAsync(sut.NewWriter());

        queue.Remaining.ShouldBe(0);
        foreach (var (group, eventIds) in sent)
        {
            var chain = await sut.ChainAsync(group);
            chain.Select(r => r.KeySeq).ShouldBe(Enumerable.Range(1, eventIds.Count).Select(i => (long)i));
            chain.Select(r => r.Record.EventId).ShouldBe(eventIds);
            (await sut.VerifyAsync(group)).IsIntact.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Redelivery_of_a_stored_batch_stores_nothing_new()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var batch = Enumerable.Range(0, 10).Select(i => delivery.Message(i % 2 == 0 ? "g1" : "g2", Some.Json(Some.AccessEvent(minute: i)))).ToList();
        var writer = sut.NewWriter();
        await writer.ProcessAsync(batch);
        var itemsBefore = (await sut.ScanAllAsync()).Count;

        var again = await writer.ProcessAsync(Delivery.Redeliver(batch));

        again.Messages.ShouldAllBe(m => m.Outcome == MessageOutcome.Duplicate);
        (await sut.ScanAllAsync()).Count.ShouldBe(itemsBefore);
        itemsBefore.ShouldBe(2 + 10);
        (await sut.ChainAsync("g1")).Count.ShouldBe(5);
    }

    [Fact]
    public async Task The_same_event_sent_twice_in_one_batch_is_stored_once()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var json = Some.Json(Some.AccessEvent(eventId: "evt-twice"));

        var report = await sut.NewWriter().ProcessAsync([delivery.Message("g", json), delivery.Message("g", json)]);

        report.Messages.Select(m => m.Outcome).ShouldBe([MessageOutcome.Accepted, MessageOutcome.Duplicate]);
        (await sut.ChainAsync("g")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_writer_skips_events_a_writer_stored_before_its_invocation_was_lost()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var batch = Enumerable.Range(0, 6).Select(i => delivery.Message("g", Some.Json(Some.AccessEvent(minute: i)))).ToList();
        await sut.NewWriter().ProcessAsync(batch);

        // The invocation timed out after storing everything: SQS delivers the whole batch again.
        var recovered = await sut.NewWriter().ProcessAsync(Delivery.Redeliver(batch));

        recovered.Messages.ShouldAllBe(m => m.Outcome == MessageOutcome.Duplicate);
        (await sut.ChainAsync("g")).Count.ShouldBe(6);
        (await sut.VerifyAsync("g")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_put_whose_response_was_lost_is_recognised_on_redelivery()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        await sut.NewWriter().ProcessAsync([delivery.Message("g", Some.Json(Some.AccessEvent(minute: 99)))]);
        var batch = Enumerable.Range(0, 6).Select(i => delivery.Message("g", Some.Json(Some.AccessEvent(minute: i)))).ToList();
        var faults = DynamoDbLocalFixture.CreateFaultInjector();
        faults.Operations.Add("PutItem");
        faults.Kinds.Clear();
        faults.Kinds.Add(FaultKind.LoseResponseAfterCommit);
        faults.FaultRate = 1;

        var crashed = await sut.NewWriter(faults).ProcessAsync(batch);
        var recovered = await sut.NewWriter().ProcessAsync(Delivery.Redeliver(batch));

        crashed.Messages.ShouldAllBe(m => m.Outcome == MessageOutcome.Failed);
        recovered.Messages.Select(m => m.Outcome).ShouldBe([MessageOutcome.Duplicate, .. Enumerable.Repeat(MessageOutcome.Accepted, 5)]);
        var chain = await sut.ChainAsync("g");
        chain.Skip(1).Select(r => r.Record.EventId).ShouldBe(batch.Select(m => System.Text.Json.JsonDocument.Parse(m.Body).RootElement.GetProperty("eventId").GetString()));
        (await sut.VerifyAsync("g")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_event_sent_again_after_the_queues_deduplication_window_is_stored_once()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var json = Some.Json(Some.AccessEvent(eventId: "evt-resent"));
        var writer = sut.NewWriter();
        await writer.ProcessAsync([delivery.Message("g", json)]);
        await writer.ProcessAsync(Enumerable.Range(1, 30).Select(i => delivery.Message("g", Some.Json(Some.AccessEvent(minute: i)))).ToList());

        // A new message (new message id) far beyond the tail, and in another group: only the event index can tell.
        var report = await sut.NewWriter().ProcessAsync([delivery.Message("other-group", json)]);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.Duplicate);
        (await sut.ChainAsync("other-group")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_id_resent_with_other_content_is_kept_as_a_conflicting_duplicate()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var original = Some.AccessEvent(eventId: "evt-reused");
        await sut.NewWriter().ProcessAsync([delivery.Message("g", Some.Json(original))]);

        var report = await sut.NewWriter().ProcessAsync(
            [delivery.Message("g", Some.Json(original with { Outcome = new Core.Contract.Outcome(Core.Contract.OutcomeResults.Denied, "changed") }))]);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.ConflictingDuplicate);
        var chain = await sut.ChainAsync("g");
        chain.Select(r => r.Record.Status).ShouldBe([RecordStatus.Accepted, RecordStatus.Rejected]);
        chain[1].Record.Body.ShouldContain("\"duplicateOf\":{\"chainId\":\"g\"");
        sut.Output.ToString().ShouldContain("\"ConflictingDuplicate\":1");
        (await sut.VerifyAsync("g")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_writer_with_a_stale_head_cache_relinks_after_another_writer_appended()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var first = sut.NewWriter();
        var second = sut.NewWriter();
        await first.ProcessAsync([delivery.Message("g", Some.Json(Some.AccessEvent(minute: 1)))]);
        await second.ProcessAsync([delivery.Message("g", Some.Json(Some.AccessEvent(minute: 2)))]);

        var report = await first.ProcessAsync([delivery.Message("g", Some.Json(Some.AccessEvent(minute: 3)))]);

        report.Messages.Single().Seq.ShouldBe(3);
        (await sut.VerifyAsync("g")).IsIntact.ShouldBeTrue();
    }
}
