using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Processing;

public sealed class BatchProcessorTests
{
    private readonly ScriptedChainStore _store = new();
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
    public async Task A_group_split_over_two_appends_that_fails_in_the_second_keeps_the_first_as_stored()
    {
        var store = new ScriptedChainStore { MaxItemsPerAppend = 12, FailAfterAppends = 1 };
        store.FailingChains.Add("g");
        var batch = Enumerable.Range(0, 6).Select(i => _delivery.Message("g", Valid(i))).ToList();

        var report = await Processor(store).ProcessAsync(batch, CancellationToken.None);

        // Each event writes a record, a guard and three index items: two events per 12-item append.
        report.Messages.Select(m => m.Outcome).ShouldBe(
            [MessageOutcome.Accepted, MessageOutcome.Accepted, MessageOutcome.Failed, MessageOutcome.Failed, MessageOutcome.Failed, MessageOutcome.Failed]);
        store.Records("g").Select(r => r.Seq).ShouldBe([1L, 2L]);
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
    public async Task Events_an_earlier_delivery_stored_are_duplicates_and_the_rest_are_linked_after_them()
    {
        var events = Enumerable.Range(0, 4).Select(i => Some.AccessEvent(minute: i)).ToList();
        _store.PretendStored($"EVENT#{events[0].EventId}");
        _store.PretendStored($"EVENT#{events[2].EventId}");

        var report = await Processor().ProcessAsync(events.Select(e => _delivery.Message("g", Some.Json(e))).ToList(), CancellationToken.None);

        report.Messages.Select(m => m.Outcome).ShouldBe(
            [MessageOutcome.Duplicate, MessageOutcome.Accepted, MessageOutcome.Duplicate, MessageOutcome.Accepted]);
        _store.Records("g").Select(r => r.EventId).ShouldBe([events[1].EventId, events[3].EventId]);
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
    public async Task An_unexpected_fault_fails_the_group_instead_of_crashing_the_batch()
    {
        var store = new ScriptedChainStore { MaxItemsPerAppend = 2 };
        var failures = new List<string>();
        var processor = new BatchProcessor(new AuditEventValidator(), new ChainAppender(store, new ChainHeadCache(), TimeProvider.System), (chain, _) => failures.Add(chain));

        var report = await processor.ProcessAsync([_delivery.Message("g", Valid(1))], CancellationToken.None);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.Failed);
        failures.ShouldBe(["g"]);
    }

    private BatchProcessor Processor(ScriptedChainStore? store = null) =>
        new(new AuditEventValidator(), new ChainAppender(store ?? _store, new ChainHeadCache(), TimeProvider.System));

    private static string Valid(int minute) => Some.Json(Some.AccessEvent(minute: minute, queried: ["pay-1", "pay-2"], returned: ["pay-3"]));
}
