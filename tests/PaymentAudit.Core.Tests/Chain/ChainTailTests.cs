using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Chain;

public sealed class ChainTailTests
{
    [Fact]
    public void Empty_HeadIsGenesis()
    {
        ChainTail.Empty.Head.ShouldBe(ChainHead.Genesis);
        ChainTail.Empty.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Append_ManyRecords_KeepsTheLastDepthOnes()
    {
        var tail = ChainTail.Empty;
        for (var seq = 1; seq <= ChainTail.Depth + 5; seq++)
        {
            tail = tail.Append(Entry(seq));
        }

        tail.Entries.Count.ShouldBe(ChainTail.Depth);
        tail.Entries[0].Seq.ShouldBe(6);
        tail.Head.ShouldBe(new ChainHead(ChainTail.Depth + 5, Hash(ChainTail.Depth + 5)));
    }

    [Fact]
    public void Append_RecordThatDoesNotFollowTheHead_Throws()
    {
        var tail = ChainTail.Empty.Append(Entry(1));

        Should.Throw<ArgumentException>(() => tail.Append(Entry(3)));
    }

    [Fact]
    public void Of_EntriesWithAGap_Throws()
    {
        Should.Throw<ArgumentException>(() => ChainTail.Of([Entry(1), Entry(3)]));
    }

    [Fact]
    public void Find_ByMessageAndByEvent_FindsTheRecord()
    {
        var tail = ChainTail.Of([Entry(7), Entry(8, eventId: null), Entry(9)]);

        tail.FindMessage("m-8")!.Seq.ShouldBe(8);
        tail.FindEvent("evt-9")!.Seq.ShouldBe(9);
        tail.FindEvent("evt-10").ShouldBeNull();
        tail.FindMessage("m-10").ShouldBeNull();
    }

    [Fact]
    public void TailEntry_OfAStoredRecord_EqualsTheEntryOfTheRecordAsLinked()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt);

        linked.Select(l => TailEntry.Of(l.Record)).ShouldBe(linked.Select(TailEntry.Of));
    }

    [Fact]
    public void TailEntry_OfAQuarantinedRecord_HasNoEventIdentity()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Rejected("msg-x"), Some.ReceivedAt);

        TailEntry.Of(linked.Record).ShouldBe(new TailEntry(1, linked.Record.Hash, "msg-x", null, null));
    }

    private static TailEntry Entry(long seq, string? eventId = "") =>
        new(seq, Hash(seq), $"m-{seq}", eventId == string.Empty ? $"evt-{seq}" : eventId, eventId is null ? null : new string('e', 64));

    private static string Hash(long seq) => seq.ToString("D64", System.Globalization.CultureInfo.InvariantCulture);
}
