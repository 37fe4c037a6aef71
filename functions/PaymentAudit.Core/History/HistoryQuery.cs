using System.Runtime.CompilerServices;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.History;

/// <summary>
/// Answers "what did actor A do" and "who touched payment record R", oldest first, from the history
/// index plus every chain's records newer than its watermark. The answer is therefore complete up
/// to the moment the query reads each chain, whatever the indexer's lag: the lag only decides how
/// many recent records are read directly. Rows stream in time order; memory holds one row per
/// segment read and the matching rows of the unindexed tails.
/// </summary>
public sealed class HistoryQuery
{
    private readonly IChainSource _chains;
    private readonly IHistoryStore _store;
    private readonly AuditEventValidator _validator;
    private readonly int _parallelChains;

    /// <summary>Creates a query service.</summary>
    public HistoryQuery(IChainSource chains, IHistoryStore store, AuditEventValidator validator, int parallelChains = 8)
    {
        _chains = chains;
        _store = store;
        _validator = validator;
        _parallelChains = parallelChains;
    }

    /// <summary>Rows for <paramref name="key"/> between <paramref name="from"/> and <paramref name="to"/> (sortable UTC, inclusive; null = open), in time order.</summary>
    public async IAsyncEnumerable<HistoryRow> QueryAsync(
        HistoryKind kind, string key, string? from = null, string? to = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var manifest = await _store.ReadManifestAsync(cancellationToken) ?? HistoryManifest.Empty(1);
        var sources = new List<IEnumerator<HistoryRow>>();
        try
        {
            var bucket = HistoryBuckets.Of(key, manifest.BucketCount);
            foreach (var segment in manifest.Segments.Where(s => s.Kind == kind && s.Bucket == bucket && s.Overlaps(from, to)))
            {
                var bytes = await _store.ReadSegmentAsync(segment.ObjectKey, cancellationToken);
                if (!string.Equals(HistorySegmentFile.Sha256(bytes), segment.Sha256, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"History segment '{segment.ObjectKey}' does not match the SHA-256 its manifest recorded; run verify.");
                }

                sources.Add(Matching(HistorySegmentFile.Read(bytes), kind, key, from, to).GetEnumerator());
            }

            var recent = await ReadUnindexedAsync(manifest, kind, key, from, to, cancellationToken);
            recent.Sort(HistoryRow.CompareByTime);
            sources.Add(recent.GetEnumerator());

            // k-way merge: every source is already in time order.
            var heads = new PriorityQueue<IEnumerator<HistoryRow>, HistoryRow>(Comparer<HistoryRow>.Create(HistoryRow.CompareByTime));
            foreach (var source in sources)
            {
                if (source.MoveNext())
                {
                    heads.Enqueue(source, source.Current);
                }
            }

            while (heads.TryDequeue(out var source, out var row))
            {
                yield return row;
                if (source.MoveNext())
                {
                    heads.Enqueue(source, source.Current);
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static IEnumerable<HistoryRow> Matching(IEnumerable<HistoryRow> segmentRows, HistoryKind kind, string key, string? from, string? to)
    {
        foreach (var row in segmentRows)
        {
            var byKey = string.CompareOrdinal(row.Key, key);
            if (byKey > 0)
            {
                // Rows are sorted by key: nothing further can match.
                yield break;
            }

            if (byKey == 0 && row.Kind == kind && InWindow(row.Timestamp, from, to))
            {
                yield return row;
            }
        }
    }

    private async Task<List<HistoryRow>> ReadUnindexedAsync(
        HistoryManifest manifest, HistoryKind kind, string key, string? from, string? to, CancellationToken cancellationToken)
    {
        var chainIds = new List<string>();
        await foreach (var chainId in _chains.ListChainIdsAsync(cancellationToken))
        {
            chainIds.Add(chainId);
        }

        var found = new List<HistoryRow>();
        await Parallel.ForEachAsync(
            chainIds,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelChains, CancellationToken = cancellationToken },
            async (chainId, ct) =>
            {
                var fromSeq = (manifest.WatermarkOf(chainId)?.Seq ?? 0) + 1;
                await foreach (var stored in _chains.ReadChainAsync(chainId, fromSeq, ct))
                {
                    if (RecordProjection.TryRead(stored.Record.Body, _validator, out _) is not { } projection)
                    {
                        continue;
                    }

                    foreach (var row in HistoryRows.From(projection))
                    {
                        if (row.Kind == kind && string.Equals(row.Key, key, StringComparison.Ordinal) && InWindow(row.Timestamp, from, to))
                        {
                            lock (found)
                            {
                                found.Add(row);
                            }
                        }
                    }
                }
            });
        return found;
    }

    private static bool InWindow(string timestamp, string? from, string? to) =>
        (from is null || string.CompareOrdinal(timestamp, from) >= 0) && (to is null || string.CompareOrdinal(timestamp, to) <= 0);
}
