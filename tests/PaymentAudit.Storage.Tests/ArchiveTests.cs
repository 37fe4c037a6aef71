using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Storage.Tests;

/// <summary>The archive bucket's adapters against fauxqs's S3, and the history index over both emulators.</summary>
[Collection(UsesDynamoDbLocal.Name)]
public sealed class ArchiveTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    [Fact]
    public async Task PayloadArchive_StoredPayload_ReadsBackByItsHash()
    {
        using var s3 = fauxqs.CreateS3Client();
        var archive = new S3PayloadArchive(s3, await fauxqs.CreateBucketAsync());
        var payload = QuarantinedPayload.From(new string('x', 100_000) + "😀");

        await archive.StoreAsync(payload, CancellationToken.None);

        (await archive.ReadAsync(payload.Sha256, CancellationToken.None)).ShouldBe(System.Text.Encoding.UTF8.GetBytes(payload.Masked));
        (await archive.ReadAsync(new string('0', 64), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task HistoryStore_ManifestAndSegments_RoundTrip()
    {
        using var s3 = fauxqs.CreateS3Client();
        var store = new S3HistoryStore(s3, await fauxqs.CreateBucketAsync());
        var manifest = HistoryManifest.Empty(8) with { Generation = 3, Watermarks = [new ChainWatermark("c", 7, new string('a', 64))] };

        (await store.ReadManifestAsync(CancellationToken.None)).ShouldBeNull();
        await store.WriteManifestAsync(manifest, CancellationToken.None);
        await store.WriteSegmentAsync("history/x.jsonl.gz", [1, 2, 3], CancellationToken.None);

        (await store.ReadManifestAsync(CancellationToken.None)).ShouldBe(manifest, new ManifestComparer());
        (await store.ReadSegmentAsync("history/x.jsonl.gz", CancellationToken.None)).ShouldBe([1, 2, 3]);
        await Should.ThrowAsync<FileNotFoundException>(() => store.ReadSegmentAsync("history/missing.jsonl.gz", CancellationToken.None));
    }

    [Fact]
    public async Task HistoryIndex_OnTheEmulators_AnswersFromSegmentsAndRecentRecords()
    {
        var table = await dynamoDb.CreateTableAsync();
        using var client = dynamoDb.CreateClient();
        using var s3 = fauxqs.CreateS3Client();
        var reader = new AuditTrailReader(client, table);
        var store = new S3HistoryStore(s3, await fauxqs.CreateBucketAsync());
        var chainStore = new DynamoDbChainStore(client, table);
        var head = ChainHead.Genesis;
        async Task AppendAsync(int minute)
        {
            if (head.IsGenesis)
            {
                await chainStore.RegisterChainAsync("c", "2026-11-23T10:00:00.0000000Z", CancellationToken.None);
            }

            var e = Some.AccessEvent(minute: minute, queried: ["pay-7"], returned: ["pay-7"]);
            var record = ChainLinker.Link("c", head, ChainEntry.Accepted($"m-{minute}", e), "2026-11-23T10:00:00.0000000Z").Record;
            await chainStore.AppendAsync(record, CancellationToken.None);
            head = new ChainHead(record.Seq, record.Hash);
        }

        await AppendAsync(1);
        await AppendAsync(2);
        var run = await new HistoryIndexer(reader, store, new AuditEventValidator(), TimeProvider.System).RunAsync(CancellationToken.None);
        await AppendAsync(3);

        var rows = new List<HistoryRow>();
        await foreach (var row in new HistoryQuery(reader, store, new AuditEventValidator()).QueryAsync(HistoryKind.Record, "pay-7"))
        {
            rows.Add(row);
        }

        run.RecordsIndexed.ShouldBe(2);
        rows.Select(r => r.Seq).ShouldBe([1L, 2L, 3L]);
    }

    private sealed class ManifestComparer : IEqualityComparer<HistoryManifest>
    {
        public bool Equals(HistoryManifest? x, HistoryManifest? y) =>
            x is not null && y is not null && x with { Watermarks = [], Segments = [] } == y with { Watermarks = [], Segments = [] }
            && x.Watermarks.SequenceEqual(y.Watermarks) && x.Segments.SequenceEqual(y.Segments);

        public int GetHashCode(HistoryManifest obj) => obj.Generation.GetHashCode();
    }
}
