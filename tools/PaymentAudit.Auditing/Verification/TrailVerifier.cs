using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;

namespace PaymentAudit.Auditing.Verification;

/// <summary>
/// Verifies the trail: every chain record by record (<see cref="ChainVerifier"/>: canonical body,
/// hash links, sequence continuity, attributes, heads committed by the history index), and, when the
/// whole trail is verified, every structure beside the chains in both directions: the chain
/// directory against the index's chains, the event index against the accepted records, the history
/// index's rows against the records they come from, and archived payloads against their records.
/// Its cost grows with the chains and records read, never with a table scan. Given verified digests,
/// it also holds every chain to the heads they signed, which finds a tail rewritten consistently
/// (bodies changed and every hash recomputed) that the links alone cannot.
/// </summary>
public sealed class TrailVerifier
{
    private const int ProgressEveryRecords = 1_000;
    private readonly AuditTrailReader _reader;
    private readonly IHistoryStore? _history;
    private readonly IPayloadArchive? _archive;
    private readonly AuditEventValidator _validator;

    /// <summary>Creates a verifier; without an archive bucket, the history index and archived payloads are not checked.</summary>
    public TrailVerifier(AuditTrailReader reader, IHistoryStore? history, IPayloadArchive? archive, AuditEventValidator validator)
    {
        _reader = reader;
        _history = history;
        _archive = archive;
        _validator = validator;
    }

    /// <summary>Verifies what <paramref name="request"/> names; stopping early returns a partial report.</summary>
    public async Task<TrailReport> VerifyAsync(VerifyRequest request, Action<VerifyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var run = new Run(request, progress, clock);
        var complete = true;
        try
        {
            var manifest = _history is null ? null : await _history.ReadManifestAsync(cancellationToken);
            run.Manifest = manifest;
            var chains = await ChainsAsync(request, manifest, run, cancellationToken);
            run.Chains = chains.Count;
            await Parallel.ForEachAsync(
                chains,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallel), CancellationToken = cancellationToken },
                async (chainId, ct) => await VerifyChainAsync(chainId, request, manifest, run, ct));
            await CheckArchivedPayloadsAsync(run, cancellationToken);
            if (request.IsWhole)
            {
                await CheckEventIndexAsync(run, cancellationToken);
                await CheckHistoryIndexAsync(manifest, chains, run, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            complete = false;
        }

        foreach (var violation in request.Digests?.Violations ?? [])
        {
            run.Report(violation);
        }

        var violations = run.Violations.OrderBy(v => v.ChainId, StringComparer.Ordinal).ThenBy(v => v.Seq).ThenBy(v => v.Kind).ToList();
        var digests = request.Digests is { } d ? new DigestCheck(d.Digests, d.Verified, run.Undigested) : null;
        return new TrailReport(run.Chains, run.Records, violations, [.. run.Notices.Order(StringComparer.Ordinal)], clock.Elapsed, complete, digests);
    }

    private async Task<List<string>> ChainsAsync(VerifyRequest request, HistoryManifest? manifest, Run run, CancellationToken cancellationToken)
    {
        if (!request.IsWhole && request.ChainIds.Count > 0)
        {
            return [.. request.ChainIds.Distinct(StringComparer.Ordinal)];
        }

        var listed = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var entry in _reader.ListChainsAsync(cancellationToken))
        {
            listed.Add(entry.ChainId);
        }

        foreach (var mark in manifest?.Watermarks ?? [])
        {
            if (listed.Add(mark.ChainId))
            {
                run.Report(new ChainViolation(mark.ChainId, mark.Seq, ViolationKind.MissingDirectoryEntry, "the history index committed this chain but the chain directory does not list it"));
            }
        }

        foreach (var (chainId, seq) in request.Digests?.LatestHeads ?? new Dictionary<string, long>())
        {
            if (seq > 0 && listed.Add(chainId))
            {
                run.Report(new ChainViolation(chainId, seq, ViolationKind.MissingDirectoryEntry, "a signed digest committed this chain but the chain directory does not list it"));
            }
        }

        return [.. listed];
    }

    private async Task VerifyChainAsync(string chainId, VerifyRequest request, HistoryManifest? manifest, Run run, CancellationToken cancellationToken)
    {
        var start = ChainHead.Genesis;
        if (request.FromSeq > 1)
        {
            if (await _reader.ReadRecordAsync(chainId, request.FromSeq - 1, cancellationToken) is not { } before)
            {
                run.Report(new ChainViolation(chainId, request.FromSeq - 1, ViolationKind.Gap, $"record {request.FromSeq - 1}, before the first one verified, is missing"));
                return;
            }

            start = new ChainHead(before.KeySeq, before.Record.Hash);
        }

        var mark = manifest?.WatermarkOf(chainId);
        IReadOnlyList<ChainCommitment> committed = [.. HistoryCommitments.Of(manifest, chainId), .. request.Digests?.For(chainId) ?? []];
        var digested = request.Digests?.LatestHeads.GetValueOrDefault(chainId);
        var verifier = new ChainVerifier(_validator);
        var result = await verifier.VerifyAsync(
            chainId,
            _reader.ReadChainAsync(chainId, request.FromSeq, cancellationToken: cancellationToken),
            committed,
            (stored, projection) => run.Saw(stored, projection, mark, request.IsWhole, digested),
            start,
            cancellationToken);
        foreach (var violation in result.Violations)
        {
            run.Report(violation);
        }

        run.Walked[chainId] = result.LastRecord.Seq;
        if (result.RecordsChecked == 0 && request.IsWhole && mark is null)
        {
            run.Notices.Add($"chain '{chainId}' is listed in the chain directory but has no record yet");
        }

        run.ChainDone();
    }

    private async Task CheckArchivedPayloadsAsync(Run run, CancellationToken cancellationToken)
    {
        if (_archive is null)
        {
            return;
        }

        foreach (var payload in run.Archived)
        {
            var bytes = await _archive.ReadAsync(payload.Sha256, cancellationToken);
            if (bytes is null)
            {
                run.Report(new ChainViolation(payload.ChainId, payload.Seq, ViolationKind.MissingArchivedPayload, $"the archived payload quarantine/{payload.Sha256} is missing"));
            }
            else if (bytes.LongLength != payload.Bytes || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), payload.Sha256, StringComparison.Ordinal))
            {
                run.Report(new ChainViolation(payload.ChainId, payload.Seq, ViolationKind.MissingArchivedPayload, $"the archived payload quarantine/{payload.Sha256} no longer has the size and SHA-256 its record holds"));
            }
        }
    }

    private async Task CheckEventIndexAsync(Run run, CancellationToken cancellationToken)
    {
        await foreach (var entry in _reader.ScanEventIndexAsync(cancellationToken))
        {
            var position = TryPosition(entry);
            var sighting = run.EventSighting(entry.EventId);
            if (position is { } beyond && sighting is null && !run.WasWalked(beyond.ChainId, beyond.Seq)
                && await StoredAfterTheWalkAsync(entry, beyond.ChainId, beyond.Seq, cancellationToken))
            {
                // The trail is live: a record appended after its chain was walked is indexed too.
                continue;
            }

            if (position is not { } at || sighting is null || sighting.ChainId != at.ChainId || sighting.Seq != at.Seq)
            {
                var (chainId, seq) = position ?? (entry.PartitionKey, 0L);
                run.Report(new ChainViolation(chainId, seq, ViolationKind.OrphanedEventIndexEntry, "an event index entry points here, but this is not the accepted record of its event id"));
                continue;
            }

            sighting.Indexed = true;
        }

        foreach (var sighting in run.UnindexedEvents())
        {
            run.Report(new ChainViolation(sighting.ChainId, sighting.Seq, ViolationKind.MissingEventIndexEntry, "the event index has no entry for this accepted record"));
        }
    }

    private async Task CheckHistoryIndexAsync(HistoryManifest? manifest, List<string> chains, Run run, CancellationToken cancellationToken)
    {
        if (_history is null || manifest is null)
        {
            return;
        }

        var actual = new Dictionary<(HistoryKind, int), RowSum>();
        var stored = new Dictionary<(HistoryKind, int), List<HistoryRow>>();
        foreach (var segment in manifest.Segments)
        {
            byte[] bytes;
            try
            {
                bytes = await _history.ReadSegmentAsync(segment.ObjectKey, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                run.Report(new ChainViolation("(history index)", 0, ViolationKind.MissingHistoryRow, $"segment {segment.ObjectKey} listed in the manifest is missing"));
                continue;
            }

            if (!string.Equals(HistorySegmentFile.Sha256(bytes), segment.Sha256, StringComparison.Ordinal))
            {
                run.Report(new ChainViolation("(history index)", 0, ViolationKind.OrphanedHistoryRow, $"segment {segment.ObjectKey} does not match the SHA-256 its manifest recorded"));
            }

            var key = (segment.Kind, segment.Bucket);
            foreach (var row in HistorySegmentFile.Read(bytes))
            {
                if (row.Kind != segment.Kind || HistoryBuckets.Of(row.Key, manifest.BucketCount) != segment.Bucket)
                {
                    run.Report(new ChainViolation(row.ChainId, row.Seq, ViolationKind.OrphanedHistoryRow, $"segment {segment.ObjectKey} holds a {row.Kind} row that belongs in another segment"));
                    continue;
                }

                (actual.TryGetValue(key, out var sum) ? sum : actual[key] = new RowSum()).Add(row.Fingerprint());
                (stored.TryGetValue(key, out var rows) ? rows : stored[key] = []).Add(row);
            }
        }

        var expected = run.ExpectedRows;
        var mismatched = expected.Keys.Union(actual.Keys)
            .Where(k => !(expected.TryGetValue(k, out var e) ? e : new RowSum()).SameAs(actual.TryGetValue(k, out var a) ? a : new RowSum()))
            .ToHashSet();
        if (mismatched.Count == 0)
        {
            return;
        }

        // Rare path: find exactly which rows differ, by reading the committed records again.
        var wanted = new Dictionary<UInt128, List<HistoryRow>>();
        foreach (var chainId in chains)
        {
            if (manifest.WatermarkOf(chainId) is not { } mark)
            {
                continue;
            }

            await foreach (var record in _reader.ReadChainAsync(chainId, 1, mark.Seq, cancellationToken: cancellationToken))
            {
                if (RecordProjection.TryRead(record.Record.Body, _validator, out _) is not { } projection)
                {
                    continue;
                }

                foreach (var row in HistoryRows.From(projection).Where(r => mismatched.Contains((r.Kind, HistoryBuckets.Of(r.Key, manifest.BucketCount)))))
                {
                    (wanted.TryGetValue(row.Fingerprint(), out var same) ? same : wanted[row.Fingerprint()] = []).Add(row);
                }
            }
        }

        foreach (var row in mismatched.SelectMany(k => stored.TryGetValue(k, out var rows) ? rows : []))
        {
            if (wanted.TryGetValue(row.Fingerprint(), out var same) && same.Count > 0)
            {
                same.RemoveAt(same.Count - 1);
            }
            else
            {
                run.Report(new ChainViolation(row.ChainId, row.Seq, ViolationKind.OrphanedHistoryRow, $"the history index holds a {row.Kind} row (key '{row.Key}') that the record does not give"));
            }
        }

        foreach (var row in wanted.Values.SelectMany(rows => rows))
        {
            run.Report(new ChainViolation(row.ChainId, row.Seq, ViolationKind.MissingHistoryRow, $"the history index lacks the {row.Kind} row (key '{row.Key}') of this committed record"));
        }
    }

    private async Task<bool> StoredAfterTheWalkAsync(EventIndexEntry entry, string chainId, long seq, CancellationToken cancellationToken) =>
        await _reader.ReadRecordAsync(chainId, seq, cancellationToken) is { } record
            && string.Equals(record.Record.EventId, entry.EventId, StringComparison.Ordinal)
            && string.Equals(record.Record.Status, RecordStatus.Accepted, StringComparison.Ordinal);

    private static (string ChainId, long Seq)? TryPosition(EventIndexEntry entry)
    {
        try
        {
            return (AuditKeys.ChainIdOf(entry.PartitionKey), AuditKeys.SeqOf(entry.SortKey));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static UInt128 Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    /// <summary>An order-free sum of row fingerprints: two multisets of rows are equal when their sums and counts are.</summary>
    private sealed class RowSum
    {
        private UInt128 _sum;
        private long _count;

        public void Add(UInt128 fingerprint)
        {
            lock (this)
            {
                _sum = unchecked(_sum + fingerprint);
                _count++;
            }
        }

        public bool SameAs(RowSum other) => _sum == other._sum && _count == other._count;
    }

    private sealed class EventSightingEntry(string chainId, long seq)
    {
        public string ChainId { get; } = chainId;

        public long Seq { get; } = seq;

        public bool Indexed { get; set; }
    }

    private sealed record ArchivedPayload(string ChainId, long Seq, string Sha256, long Bytes);

    /// <summary>The shared state of one verification; chains are walked in parallel.</summary>
    private sealed class Run(VerifyRequest request, Action<VerifyProgress>? progress, Stopwatch clock)
    {
        private readonly ConcurrentDictionary<UInt128, EventSightingEntry> _events = new();
        private readonly ConcurrentQueue<ChainViolation> _violations = new();
        private int _chainsDone;
        private long _records;
        private long _undigested;

        public int Chains { get; set; }

        public long Records => Interlocked.Read(ref _records);

        public long Undigested => Interlocked.Read(ref _undigested);

        public IReadOnlyCollection<ChainViolation> Violations => _violations;

        public ConcurrentBag<string> Notices { get; } = [];

        public ConcurrentBag<ArchivedPayload> Archived { get; } = [];

        public ConcurrentDictionary<(HistoryKind, int), RowSum> ExpectedRows { get; } = new();

        public HistoryManifest? Manifest { get; set; }

        /// <summary>Per chain walked, the last sequence number read: records after it were appended during the walk.</summary>
        public ConcurrentDictionary<string, long> Walked { get; } = new(StringComparer.Ordinal);

        public bool WasWalked(string chainId, long seq) => Walked.TryGetValue(chainId, out var last) && seq <= last;

        public void Report(ChainViolation violation) => _violations.Enqueue(violation);

        public void Saw(StoredRecord stored, RecordProjection projection, ChainWatermark? mark, bool whole, long? digested)
        {
            if (Interlocked.Increment(ref _records) % ProgressEveryRecords == 0)
            {
                Progress();
            }

            if (request.Digests is not null && stored.KeySeq > (digested ?? 0))
            {
                Interlocked.Increment(ref _undigested);
            }

            if (projection.Quarantine is { Archived: true, PayloadSha256: { } sha, PayloadBytes: { } bytes })
            {
                Archived.Add(new ArchivedPayload(stored.KeyChainId, stored.KeySeq, sha, bytes));
            }

            if (!whole)
            {
                return;
            }

            if (projection.EventId is { } eventId)
            {
                var sighting = new EventSightingEntry(stored.KeyChainId, stored.KeySeq);
                var first = _events.GetOrAdd(Hash(eventId), sighting);
                if (!ReferenceEquals(first, sighting) && first.ChainId != stored.KeyChainId)
                {
                    Report(new ChainViolation(stored.KeyChainId, stored.KeySeq, ViolationKind.DuplicateEvent, $"event id is also accepted at chain '{first.ChainId}' seq {first.Seq} (an event stored twice)"));
                }
            }

            if (mark is not null && stored.KeySeq <= mark.Seq && request.IsWhole)
            {
                foreach (var row in HistoryRows.From(projection))
                {
                    ExpectedRows.GetOrAdd((row.Kind, BucketOf(row)), _ => new RowSum()).Add(row.Fingerprint());
                }
            }
        }

        public EventSightingEntry? EventSighting(string eventId) => _events.GetValueOrDefault(Hash(eventId));

        public IEnumerable<EventSightingEntry> UnindexedEvents() => _events.Values.Where(e => !e.Indexed);

        public void ChainDone()
        {
            Interlocked.Increment(ref _chainsDone);
            Progress();
        }

        private int BucketOf(HistoryRow row) => HistoryBuckets.Of(row.Key, Manifest?.BucketCount ?? 1);

        private void Progress() => progress?.Invoke(new VerifyProgress(Volatile.Read(ref _chainsDone), Chains, Records, _violations.Count, clock.Elapsed));
    }
}
