using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.History;

/// <summary>
/// Builds the history index incrementally. Each run reads every chain in the directory from its
/// watermark on (checking that each record links to the last indexed one and hashes as stored),
/// writes the new rows as level-0 segments per kind and bucket, merges older segments (a UTC
/// day's level-0 segments into one level-1 segment, a month's level-1 segments into one level-2
/// segment, so a query reads a bounded number of files), and commits by writing the manifest.
/// One run at a time: the deployed function has a reserved concurrency of one.
/// </summary>
public sealed class HistoryIndexer
{
    private readonly IChainSource _chains;
    private readonly IHistoryStore _store;
    private readonly AuditEventValidator _validator;
    private readonly TimeProvider _time;
    private readonly HistoryIndexerOptions _options;

    /// <summary>Creates an indexer.</summary>
    public HistoryIndexer(IChainSource chains, IHistoryStore store, AuditEventValidator validator, TimeProvider time, HistoryIndexerOptions? options = null)
    {
        _chains = chains;
        _store = store;
        _validator = validator;
        _time = time;
        _options = options ?? new HistoryIndexerOptions();
    }

    /// <summary>Runs once: index what is new, merge what is old, commit.</summary>
    public async Task<IndexRun> RunAsync(CancellationToken cancellationToken)
    {
        var previous = await _store.ReadManifestAsync(cancellationToken) ?? HistoryManifest.Empty(_options.BucketCount);
        var now = _time.GetUtcNow().UtcDateTime;
        var builtAt = Rfc3339.ToSortable(now);
        var generation = previous.Generation + 1;

        var chainIds = new List<string>();
        await foreach (var chainId in _chains.ListChainIdsAsync(cancellationToken))
        {
            chainIds.Add(chainId);
        }

        var rows = new ConcurrentBag<HistoryRow>();
        var watermarks = new ConcurrentDictionary<string, ChainWatermark>(StringComparer.Ordinal);
        var problems = new ConcurrentBag<IndexProblem>();
        long records = 0;
        await Parallel.ForEachAsync(
            chainIds,
            new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelChains, CancellationToken = cancellationToken },
            async (chainId, ct) =>
            {
                var mark = previous.WatermarkOf(chainId) ?? new ChainWatermark(chainId, 0, ChainHead.GenesisHash);
                await foreach (var stored in _chains.ReadChainAsync(chainId, mark.Seq + 1, ct))
                {
                    if (Check(stored, mark) is { } problem)
                    {
                        problems.Add(new IndexProblem(chainId, stored.KeySeq, problem));
                        break;
                    }

                    var projection = RecordProjection.TryRead(stored.Record.Body, _validator, out var unreadable);
                    if (projection is null)
                    {
                        problems.Add(new IndexProblem(chainId, stored.KeySeq, unreadable!));
                        break;
                    }

                    foreach (var row in HistoryRows.From(projection))
                    {
                        rows.Add(row);
                    }

                    Interlocked.Increment(ref records);
                    mark = new ChainWatermark(chainId, stored.KeySeq, stored.Record.Hash);
                }

                if (mark.Seq > 0)
                {
                    watermarks[chainId] = mark;
                }
            });

        var segments = previous.Segments.ToList();
        var written = 0;
        foreach (var group in rows.GroupBy(r => (r.Kind, Bucket: HistoryBuckets.Of(r.Key, previous.BucketCount))).OrderBy(g => g.Key))
        {
            var path = $"{_options.SegmentPrefix}{Name(group.Key.Kind)}/b{group.Key.Bucket:D2}/L0/g{generation:D10}.jsonl.gz";
            segments.Add(await WriteSegmentAsync(group.Key.Kind, group.Key.Bucket, 0, generation.ToString(CultureInfo.InvariantCulture), path, group, builtAt, cancellationToken));
            written++;
        }

        var merged = 0;
        foreach (var (level, period) in new[] { (0, (Func<HistorySegment, string>)(s => s.BuiltAt[..10])), (1, s => s.Period[..7]) })
        {
            var current = level == 0 ? builtAt[..10] : builtAt[..7];
            var due = segments
                .Where(s => s.Level == level && string.CompareOrdinal(period(s), current) < 0)
                .GroupBy(s => (s.Kind, s.Bucket, Period: period(s)))
                .OrderBy(g => g.Key)
                .ToList();
            foreach (var group in due)
            {
                var parts = group.ToList();
                var mergedRows = new List<HistoryRow>();
                foreach (var part in parts)
                {
                    mergedRows.AddRange(HistorySegmentFile.Read(await ReadCheckedAsync(part, cancellationToken)));
                }

                var path = $"{_options.SegmentPrefix}{Name(group.Key.Kind)}/b{group.Key.Bucket:D2}/L{level + 1}/{group.Key.Period}-g{generation:D10}.jsonl.gz";
                var builtLast = parts.Select(p => p.BuiltAt).Max(StringComparer.Ordinal)!;
                segments.Add(await WriteSegmentAsync(group.Key.Kind, group.Key.Bucket, level + 1, group.Key.Period, path, mergedRows, builtLast, cancellationToken));
                segments.RemoveAll(parts.Contains);
                written++;
                merged += parts.Count;
            }
        }

        var allMarks = previous.Watermarks
            .Where(w => !watermarks.ContainsKey(w.ChainId))
            .Concat(watermarks.Values)
            .OrderBy(w => w.ChainId, StringComparer.Ordinal)
            .ToList();
        var manifest = new HistoryManifest(
            HistoryManifest.CurrentFormat,
            generation,
            builtAt,
            previous.BucketCount,
            allMarks,
            segments.OrderBy(s => s.Kind).ThenBy(s => s.Bucket).ThenBy(s => s.Level).ThenBy(s => s.ObjectKey, StringComparer.Ordinal).ToList());
        await _store.WriteManifestAsync(manifest, cancellationToken);
        return new IndexRun(generation, chainIds.Count, records, rows.Count, written, merged, problems.OrderBy(p => p.ChainId, StringComparer.Ordinal).ToList());
    }

    /// <summary>The object key part naming a kind.</summary>
    public static string Name(HistoryKind kind) => kind == HistoryKind.Actor ? "actors" : "records";

    /// <summary>Reads a segment and checks it against the manifest's SHA-256.</summary>
    internal async Task<byte[]> ReadCheckedAsync(HistorySegment segment, CancellationToken cancellationToken)
    {
        var bytes = await _store.ReadSegmentAsync(segment.ObjectKey, cancellationToken);
        return string.Equals(HistorySegmentFile.Sha256(bytes), segment.Sha256, StringComparison.Ordinal)
            ? bytes
            : throw new InvalidDataException($"History segment '{segment.ObjectKey}' does not match the SHA-256 its manifest recorded.");
    }

    private static string? Check(StoredRecord stored, ChainWatermark mark)
    {
        if (stored.KeySeq != mark.Seq + 1)
        {
            return $"record {stored.KeySeq} follows the indexed record {mark.Seq}: records {mark.Seq + 1}-{stored.KeySeq - 1} are missing";
        }

        var record = stored.Record;
        if (!string.Equals(record.PrevHash, mark.Hash, StringComparison.Ordinal))
        {
            return $"record {stored.KeySeq} does not link to the indexed record {mark.Seq} (prevHash differs)";
        }

        return string.Equals(RecordHasher.Compute(Encoding.UTF8.GetBytes(record.Body), record.PrevHash), record.Hash, StringComparison.Ordinal)
            ? null
            : $"record {stored.KeySeq}'s hash does not match its body";
    }

    private async Task<HistorySegment> WriteSegmentAsync(
        HistoryKind kind, int bucket, int level, string period, string path, IEnumerable<HistoryRow> rows, string builtAt, CancellationToken cancellationToken)
    {
        var sorted = rows.ToList();
        sorted.Sort(HistoryRow.CompareBySegmentOrder);
        var bytes = HistorySegmentFile.Write(sorted);
        await _store.WriteSegmentAsync(path, bytes, cancellationToken);
        return new HistorySegment(
            kind,
            bucket,
            level,
            period,
            path,
            sorted.Count,
            sorted.Select(r => r.Timestamp).Min(StringComparer.Ordinal)!,
            sorted.Select(r => r.Timestamp).Max(StringComparer.Ordinal)!,
            HistorySegmentFile.Sha256(bytes),
            builtAt);
    }
}
