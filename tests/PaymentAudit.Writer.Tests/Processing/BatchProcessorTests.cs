using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Processing;

public sealed class BatchProcessorTests
{
    private readonly ScriptedChainStore _store = new();
    private readonly RecordingArchive _archive = new();
    private readonly Delivery _delivery = new();

    [Fact]
    public async Task A_failed_group_reports_its_first_failed_message_and_every_later_one_while_other_groups_complete()
    {
        _store.FailingChains.Add("broken");
        var batch = new[]
        {
            _delivery.Message("healthy", Valid(1)),
            _delivery.Message("broken", Valid(2)),
            _delivery.Message("healthy", Valid(3)),
            _delivery.Message("broken", Valid(4)),
            _delivery.Message("healthy", Valid(5)),
        };

        var report = await Processor().ProcessAsync(batch, CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe(
            [MessageOutcome.Accepted, MessageOutcome.Failed, MessageOutcome.Accepted, MessageOutcome.Failed, MessageOutcome.Accepted]);
        report.FailedMessageIds.ShouldBe([batch[1].MessageId, batch[3].MessageId]);
        _store.Records("healthy").Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_group_that_fails_part_way_keeps_what_it_stored_and_fails_the_rest()
    {
        _store.FailingChains.Add("g");
        _store.FailAfterAppends = 2;
        var batch = Enumerable.Range(0, 6).Select(i => _delivery.Message("g", Valid(i))).ToList();

        var report = await Processor().ProcessAsync(batch, CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe(
            [MessageOutcome.Accepted, MessageOutcome.Accepted, MessageOutcome.Failed, MessageOutcome.Failed, MessageOutcome.Failed, MessageOutcome.Failed]);
        _store.Records("g").Select(r => r.Seq).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task A_duplicate_after_a_failure_is_still_reported_failed_to_keep_the_group_in_order()
    {
        _store.FailingChains.Add("g");
        var json = Valid(1);
        var batch = new[] { _delivery.Message("g", json), _delivery.Message("g", json) };

        var report = await Processor().ProcessAsync(batch, CancellationToken.None);

        report.Messages.ShouldAllBe(m => m.Outcome == MessageOutcome.Failed);
    }

    [Fact]
    public async Task A_message_already_in_the_chains_tail_is_a_duplicate_and_the_rest_are_linked_after_it()
    {
        var batch = Enumerable.Range(0, 4).Select(i => _delivery.Message("g", Valid(i))).ToList();
        _store.PretendStored("g", ChainEntry.FromMessage(batch[0].MessageId, batch[0].Body, new AuditEventValidator()));
        _store.PretendStored("g", ChainEntry.FromMessage(batch[1].MessageId, batch[1].Body, new AuditEventValidator()));

        var report = await Processor().ProcessAsync(batch, CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe(
            [MessageOutcome.Duplicate, MessageOutcome.Duplicate, MessageOutcome.Accepted, MessageOutcome.Accepted]);
        _store.Records("g").Select(r => r.Seq).ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public async Task A_late_repeat_of_a_stored_event_with_the_same_content_stores_nothing()
    {
        var stored = Some.AccessEvent(minute: 1);
        _store.PretendStored("other-chain", ChainEntry.Accepted("an-old-message", stored));

        var report = await Processor().ProcessAsync([_delivery.Message("g", Some.Json(stored))], CancellationToken.None);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.Duplicate);
        _store.Records("g").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_late_repeat_of_an_event_id_with_other_content_is_stored_as_a_conflicting_duplicate_naming_the_original()
    {
        var stored = Some.AccessEvent(minute: 1);
        var original = _store.PretendStored("other-chain", ChainEntry.Accepted("an-old-message", stored));
        var changed = stored with { Outcome = new Core.Contract.Outcome(Core.Contract.OutcomeResults.Denied, "changed") };

        var report = await Processor().ProcessAsync([_delivery.Message("g", Some.Json(changed))], CancellationToken.None);

        var outcome = report.Messages.Single();
        (outcome.Outcome, outcome.RejectionCode).ShouldBe((MessageOutcome.ConflictingDuplicate, "conflicting_duplicate"));
        var record = _store.Records("g").Single();
        record.Status.ShouldBe(RecordStatus.Rejected);
        record.EventId.ShouldBeNull();
        var projection = RecordProjection.TryRead(record.Body, new AuditEventValidator(), out _)!;
        projection.Quarantine!.DuplicateOf.ShouldBe(new DuplicateOf("other-chain", original.Seq, EventHasher.Compute(stored)));
        projection.Quarantine.EventHash.ShouldBe(EventHasher.Compute(changed));
    }

    [Fact]
    public async Task An_event_id_repeated_with_other_content_in_one_batch_is_a_conflicting_duplicate_of_the_first()
    {
        var first = Some.AccessEvent(minute: 1);
        var second = first with { Outcome = new Core.Contract.Outcome(Core.Contract.OutcomeResults.Denied, "changed") };

        var report = await Processor().ProcessAsync([_delivery.Message("g", Some.Json(first)), _delivery.Message("g", Some.Json(second))], CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe([MessageOutcome.Accepted, MessageOutcome.ConflictingDuplicate]);
    }

    [Fact]
    public async Task The_same_event_in_two_groups_of_one_batch_is_stored_once()
    {
        var json = Valid(1);
        var batch = new[] { _delivery.Message("a", json), _delivery.Message("b", Valid(2)), _delivery.Message("b", json), _delivery.Message("b", Valid(3)) };

        var report = await Processor().ProcessAsync(batch, CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe([MessageOutcome.Accepted, MessageOutcome.Accepted, MessageOutcome.Duplicate, MessageOutcome.Accepted]);
        _store.Records("a").Count.ShouldBe(1);
        _store.Records("b").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_redelivered_conflicting_duplicate_is_a_plain_duplicate_not_a_second_conflict()
    {
        var stored = Some.AccessEvent(minute: 1);
        _store.PretendStored("other-chain", ChainEntry.Accepted("an-old-message", stored));
        var message = _delivery.Message("g", Some.Json(stored with { Outcome = new Core.Contract.Outcome(Core.Contract.OutcomeResults.Denied, "changed") }));
        await Processor().ProcessAsync([message], CancellationToken.None);

        var again = await Processor().ProcessAsync(Delivery.Redeliver([message]), CancellationToken.None);

        again.Messages.Single().Outcome.ShouldBe(MessageOutcome.Duplicate);
        _store.Records("g").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_messages_are_stored_as_rejected_not_failed()
    {
        var report = await Processor().ProcessAsync([_delivery.Message("g", "{"), _delivery.Message("g", Valid(1))], CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe([MessageOutcome.Rejected, MessageOutcome.Accepted]);
        report.Messages[0].RejectionCode.ShouldBe("not_json");
        report.FailedMessageIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_quarantined_message_larger_than_the_preview_is_archived_whole_before_its_record_is_stored()
    {
        var junk = new string('j', QuarantinedPayload.PreviewMaxBytes * 10);

        await Processor().ProcessAsync([_delivery.Message("g", junk)], CancellationToken.None);

        var projection = RecordProjection.TryRead(_store.Records("g").Single().Body, new AuditEventValidator(), out _)!;
        projection.Quarantine!.Archived.ShouldBeTrue();
        _archive.Stored[projection.Quarantine.PayloadSha256!].ShouldBe(junk);
    }

    [Fact]
    public async Task When_the_archive_fails_the_record_is_not_stored_and_the_message_is_retried()
    {
        _archive.Failing = true;

        var report = await Processor().ProcessAsync([_delivery.Message("g", new string('j', QuarantinedPayload.PreviewMaxBytes * 10))], CancellationToken.None);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.Failed);
        _store.Records("g").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_group_id_holding_a_card_number_becomes_a_derived_chain_id()
    {
        var report = await Processor().ProcessAsync([_delivery.Message("4111111111111111", Valid(1))], CancellationToken.None);

        var chainId = report.Messages.Single().ChainId;
        chainId.ShouldStartWith("~");
        _store.Records(chainId).Count.ShouldBe(1);
        _store.Directory.ShouldBe([chainId]);
    }

    [Fact]
    public async Task A_new_chain_is_listed_in_the_directory_before_its_first_record()
    {
        await Processor().ProcessAsync([_delivery.Message("g", Valid(1)), _delivery.Message("g", Valid(2))], CancellationToken.None);

        _store.Directory.ShouldBe(["g"]);
    }

    [Fact]
    public async Task An_unexpected_fault_fails_the_group_instead_of_crashing_the_batch()
    {
        _store.AppendFault = new InvalidOperationException("a bug");
        var failures = new List<string>();
        var processor = new BatchProcessor(new AuditEventValidator(), new ChainAppender(_store, _archive, new ChainTailCache(), TimeProvider.System), (chain, _) => failures.Add(chain));

        var report = await processor.ProcessAsync([_delivery.Message("g", Valid(1))], CancellationToken.None);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.Failed);
        failures.ShouldBe(["g"]);
    }

    [Fact]
    public async Task A_warm_writer_reads_a_chains_tail_once()
    {
        var processor = Processor();

        await processor.ProcessAsync([_delivery.Message("g", Valid(1))], CancellationToken.None);
        await processor.ProcessAsync([_delivery.Message("g", Valid(2))], CancellationToken.None);

        _store.TailReads.ShouldBe(1);
    }

    private BatchProcessor Processor() =>
        new(new AuditEventValidator(), new ChainAppender(_store, _archive, new ChainTailCache(), TimeProvider.System));

    private static string Valid(int minute) => Some.Json(Some.AccessEvent(minute: minute, queried: ["pay-1", "pay-2"], returned: ["pay-3"]));
}
