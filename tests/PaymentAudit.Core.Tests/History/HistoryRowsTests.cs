using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.History;

public sealed class HistoryRowsTests
{
    [Fact]
    public void From_AccessEvent_GivesTheActorRowAndOneRowPerRecordWithHowItWasTouched()
    {
        var auditEvent = Some.AccessEvent("evt-1") with { Query = new QueryDetails(["pay-1", "pay-2"]), Response = new ResponseDetails(["pay-2"]) };

        var rows = HistoryRows.From(Project(ChainEntry.Accepted("m", auditEvent)));

        rows.Select(r => (r.Kind, r.Key, r.Reference)).ShouldBe(
        [
            (HistoryKind.Actor, "user-ana", null),
            (HistoryKind.Record, "pay-1", "queried"),
            (HistoryKind.Record, "pay-2", "queried+returned"),
        ]);
        rows.ShouldAllBe(r => r.ChainId == "chain-a" && r.Seq == 1 && r.EventId == "evt-1" && r.ActorId == "user-ana" && r.Status == RecordStatus.Accepted);
    }

    [Fact]
    public void From_QuarantinedMessageWithAReadableActor_GivesOnlyTheActorRow()
    {
        var rows = HistoryRows.From(Project(Entries.Rejected()));

        rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(HistoryKind.Actor),
            r => r.Key.ShouldBe("user-eve"),
            r => r.Status.ShouldBe(RecordStatus.Rejected),
            r => r.EventId.ShouldBeNull());
    }

    [Fact]
    public void From_QuarantinedJunk_GivesNoRow()
    {
        HistoryRows.From(Project(Entries.Rejected(payload: "junk"))).ShouldBeEmpty();
    }

    [Fact]
    public void Buckets_OfAKey_AreStableAndInRange()
    {
        HistoryBuckets.Of("pay-1001", 32).ShouldBe(HistoryBuckets.Of("pay-1001", 32));
        Enumerable.Range(0, 500).Select(i => HistoryBuckets.Of($"pay-{i}", 32)).ShouldAllBe(b => b >= 0 && b < 32);
        Enumerable.Range(0, 500).Select(i => HistoryBuckets.Of($"pay-{i}", 32)).Distinct().Count().ShouldBe(32);
    }

    [Fact]
    public void SegmentFile_Rows_RoundTrip()
    {
        var rows = HistoryRows.From(Project(Entries.Access()));

        HistorySegmentFile.Read(HistorySegmentFile.Write(rows)).ShouldBe(rows);
    }

    private static RecordProjection Project(ChainEntry entry) =>
        RecordProjection.TryRead(ChainLinker.Link("chain-a", ChainHead.Genesis, entry, Some.ReceivedAt).Record.Body, new AuditEventValidator(), out _)!;
}
