using Microsoft.Extensions.Time.Testing;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.History;

/// <summary>The history index answers both auditor questions completely, whatever the indexer has reached.</summary>
public sealed class HistoryIndexTests
{
    private readonly InMemoryChains _chains = new();
    private readonly InMemoryHistoryStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly HistoryIndexer _indexer;
    private readonly HistoryQuery _query;

    public HistoryIndexTests()
    {
        _indexer = new HistoryIndexer(_chains, _store, new AuditEventValidator(), _time, new HistoryIndexerOptions { BucketCount = 4 });
        _query = new HistoryQuery(_chains, _store, new AuditEventValidator());
    }

    [Fact]
    public async Task RunAsync_FirstRun_IndexesEveryChainAndCommitsItsLastRecord()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"), Access("evt-2", 2, "pay-2")).Append("chain-b", Access("evt-3", 3, "pay-1"));

        var run = await _indexer.RunAsync(CancellationToken.None);

        (run.Generation, run.Chains, run.RecordsIndexed, run.Problems.Count).ShouldBe((1L, 2, 3L, 0));
        var manifest = (await _store.ReadManifestAsync(CancellationToken.None))!;
        manifest.Watermarks.Select(w => (w.ChainId, w.Seq)).ShouldBe([("chain-a", 2L), ("chain-b", 1L)]);
        manifest.Segments.ShouldAllBe(s => s.Level == 0);
        manifest.Segments.Sum(s => s.Rows).ShouldBe(run.RowsWritten);
    }

    [Fact]
    public async Task RunAsync_SecondRun_IndexesOnlyWhatIsNew()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"));
        await _indexer.RunAsync(CancellationToken.None);
        _chains.Append("chain-a", Access("evt-2", 2, "pay-1"));

        var run = await _indexer.RunAsync(CancellationToken.None);

        (run.Generation, run.RecordsIndexed).ShouldBe((2L, 1L));
        (await QueryAsync(HistoryKind.Record, "pay-1")).Select(r => r.EventId).ShouldBe(["evt-1", "evt-2"]);
    }

    [Fact]
    public async Task RunAsync_RecordThatDoesNotLink_StopsThatChainBeforeItAndReportsIt()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"), Access("evt-2", 2, "pay-1"), Access("evt-3", 3, "pay-1"));
        _chains.Tamper("chain-a", 2, r => r with { PrevHash = new string('f', 64) });

        var run = await _indexer.RunAsync(CancellationToken.None);

        run.Problems.ShouldHaveSingleItem().ShouldBe(new IndexProblem("chain-a", 2, "record 2 does not link to the indexed record 1 (prevHash differs)"));
        (await _store.ReadManifestAsync(CancellationToken.None))!.WatermarkOf("chain-a")!.Seq.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_OnTheNextUtcDay_MergesYesterdaysSegmentsIntoOnePerBucket()
    {
        for (var i = 1; i <= 3; i++)
        {
            _chains.Append("chain-a", Access($"evt-{i}", i, "pay-1"));
            await _indexer.RunAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromHours(1));
        }

        _time.Advance(TimeSpan.FromDays(1));
        var run = await _indexer.RunAsync(CancellationToken.None);

        run.SegmentsMerged.ShouldBeGreaterThan(0);
        var manifest = (await _store.ReadManifestAsync(CancellationToken.None))!;
        manifest.Segments.ShouldAllBe(s => s.Level == 1 && s.Period == "2026-11-23");
        manifest.Segments.Select(s => (s.Kind, s.Bucket)).Distinct().Count().ShouldBe(manifest.Segments.Count);
        (await QueryAsync(HistoryKind.Record, "pay-1")).Select(r => r.EventId).ShouldBe(["evt-1", "evt-2", "evt-3"]);
    }

    [Fact]
    public async Task RunAsync_InTheNextMonth_MergesThatMonthsDaysIntoOneSegment()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"));
        await _indexer.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        _chains.Append("chain-a", Access("evt-2", 2, "pay-1"));
        await _indexer.RunAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(40));
        await _indexer.RunAsync(CancellationToken.None);

        var manifest = (await _store.ReadManifestAsync(CancellationToken.None))!;
        manifest.Segments.ShouldAllBe(s => s.Level == 2 && s.Period == "2026-11");
        (await QueryAsync(HistoryKind.Record, "pay-1")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task QueryAsync_BeforeAnyRun_FindsEverythingInTheChains()
    {
        _chains.Append("chain-a", Access("evt-1", 5, "pay-1")).Append("chain-b", Access("evt-2", 2, "pay-1"));

        var rows = await QueryAsync(HistoryKind.Record, "pay-1");

        rows.Select(r => r.EventId).ShouldBe(["evt-2", "evt-1"]);
        _store.SegmentReads.ShouldBe(0);
    }

    [Fact]
    public async Task QueryAsync_IndexedAndNewerRecords_AreMergedInTimeOrder()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"), Access("evt-3", 3, "pay-1")).Append("chain-b", Access("evt-5", 5, "pay-1"));
        await _indexer.RunAsync(CancellationToken.None);
        _chains.Append("chain-a", Access("evt-4", 4, "pay-1")).Append("chain-b", Access("evt-2", 2, "pay-1"));

        var rows = await QueryAsync(HistoryKind.Record, "pay-1");

        rows.Select(r => r.EventId).ShouldBe(["evt-1", "evt-2", "evt-3", "evt-4", "evt-5"]);
    }

    [Fact]
    public async Task QueryAsync_ActorWithinAWindow_ReturnsOnlyTheirEventsInside()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"), Access("evt-2", 2, "pay-1"), Access("evt-3", 3, "pay-1", actor: "user-bob"), Access("evt-4", 4, "pay-1"));
        await _indexer.RunAsync(CancellationToken.None);

        var rows = await QueryAsync(HistoryKind.Actor, "user-ana", Sortable(2), Sortable(4));

        rows.Select(r => r.EventId).ShouldBe(["evt-2", "evt-4"]);
    }

    [Fact]
    public async Task QueryAsync_SegmentAlteredInTheStore_FailsInsteadOfAnsweringFromIt()
    {
        _chains.Append("chain-a", Access("evt-1", 1, "pay-1"));
        await _indexer.RunAsync(CancellationToken.None);
        var key = _store.Objects.Keys.First(k => k.Contains("/records/", StringComparison.Ordinal));
        _store.Objects[key] = HistorySegmentFile.Write([]);

        await Should.ThrowAsync<InvalidDataException>(() => QueryAsync(HistoryKind.Record, "pay-1"));
    }

    private static ChainEntry Access(string eventId, int minute, string recordId, string actor = "user-ana") =>
        ChainEntry.Accepted($"m-{eventId}", Some.AccessEvent(eventId, actor) with
        {
            OccurredAt = $"2026-11-23T09:{minute:D2}:00Z",
            Query = new QueryDetails([recordId]),
            Response = new ResponseDetails([recordId]),
        });

    private static string Sortable(int minute) => Rfc3339.ToSortable(new DateTime(2026, 11, 23, 9, minute, 0, DateTimeKind.Utc));

    private async Task<List<HistoryRow>> QueryAsync(HistoryKind kind, string key, string? from = null, string? to = null)
    {
        var rows = new List<HistoryRow>();
        await foreach (var row in _query.QueryAsync(kind, key, from, to))
        {
            rows.Add(row);
        }

        return rows;
    }
}
