using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// Walks a chain in sequence order and checks every link: contiguous sequence numbers from 1,
/// each hash recomputed from the canonical body and the previous hash, bodies in canonical form
/// naming their own position, attributes matching their body, each event id accepted once, and
/// every committed head (from the index manifest or a signed digest) still present. Reports every
/// finding by chain id and sequence number.
/// </summary>
/// <remarks>
/// Each body is read in one pass over its bytes, which settles canonical form for the bodies the
/// writer writes and locates what the verifier compares; a body the pass cannot settle is re-written
/// canonically and compared exactly. Stored events are re-validated against the contract only when
/// <see cref="ChainVerifierOptions.RevalidateContract"/> is on. See docs/verification.md.
/// </remarks>
public sealed class ChainVerifier
{
    /// <summary>Findings beyond this many are not collected (the first ones locate the damage).</summary>
    public const int MaxViolations = 100;

    [ThreadStatic]
    private static byte[]? t_body;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_canonical;

    [ThreadStatic]
    private static RecordFacts? t_facts;

    private readonly AuditEventValidator _validator;
    private readonly ChainVerifierOptions _options;

    /// <summary>Creates a verifier.</summary>
    /// <param name="validator">Re-validates stored events when <see cref="ChainVerifierOptions.RevalidateContract"/> is on.</param>
    /// <param name="options">What to check beyond tamper evidence; <see cref="ChainVerifierOptions.Default"/> when null.</param>
    public ChainVerifier(AuditEventValidator validator, ChainVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
        _options = options ?? ChainVerifierOptions.Default;
    }

    /// <summary>Verifies <paramref name="records"/>, which must be in ascending key order.</summary>
    /// <param name="chainId">The chain being verified.</param>
    /// <param name="records">The chain's records in sort-key order.</param>
    /// <param name="commitments">
    /// Positions the chain is known to have reached, recorded outside the table (index manifests,
    /// digests): each must still be there with the same hash. Records cannot be removed from the
    /// end of a chain, nor a tail rewritten, without breaking one.
    /// </param>
    /// <param name="onRecord">Told about every readable record, e.g. to check secondary structures.</param>
    /// <param name="start">
    /// The record before the first one in <paramref name="records"/>, when the walk starts part-way
    /// (its hash is what the first record must link to); <see cref="ChainHead.Genesis"/> by default.
    /// </param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public async Task<ChainVerification> VerifyAsync(
        string chainId,
        IAsyncEnumerable<StoredRecord> records,
        IReadOnlyList<ChainCommitment>? commitments = null,
        Action<StoredRecord, RecordProjection>? onRecord = null,
        ChainHead? start = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var walk = new Walk(chainId, onRecord);
        var first = start ?? ChainHead.Genesis;
        var previousSeq = first.Seq;
        var previousHash = first.Hash;
        var pending = (commitments ?? []).Where(c => c.Seq > previousSeq).OrderBy(c => c.Seq).ThenBy(c => c.Source, StringComparer.Ordinal).ToList();
        long count = 0;
        await foreach (var stored in records.WithCancellation(cancellationToken))
        {
            count++;
            var seq = stored.KeySeq;
            var record = stored.Record;
            var expected = previousSeq + 1;
            var linkCheckable = true;
            if (seq > expected)
            {
                walk.Report(expected, ViolationKind.Gap, seq == expected + 1
                    ? $"record {expected} is missing"
                    : $"records {expected}-{seq - 1} are missing");
                linkCheckable = false;
            }
            else if (seq < expected)
            {
                walk.Report(seq, ViolationKind.BrokenLink, $"record {seq} appears out of order after {previousSeq}");
            }

            CheckRecord(stored, linkCheckable ? previousHash : null, previousSeq, walk);
            while (pending.Count > 0 && pending[0].Seq <= seq)
            {
                if (pending[0].Seq == seq && !string.Equals(pending[0].Hash, record.Hash, StringComparison.Ordinal))
                {
                    walk.Report(seq, ViolationKind.HeadMismatch, $"record {seq} differs from the head {pending[0].Source} committed at that position (chain rewritten after it was committed)");
                }

                pending.RemoveAt(0);
            }

            previousSeq = seq;
            previousHash = record.Hash;
        }

        foreach (var missing in pending)
        {
            walk.Report(missing.Seq, ViolationKind.HeadMismatch, $"{missing.Source} committed the chain at seq {missing.Seq} but its stored records end at {previousSeq} (records removed at the end)");
        }

        return new ChainVerification(chainId, count, count == 0 ? first : new ChainHead(previousSeq, previousHash), walk.Violations);
    }

    /// <summary>The record's body as UTF-8 at the start of a buffer reused per thread, with 64 bytes to spare for hashing.</summary>
    private static byte[] BodyBytes(string body, out int length)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(body.Length) + 64;
        if (t_body is null || t_body.Length < needed)
        {
            t_body = new byte[Math.Max(needed, 4096)];
        }

        length = Encoding.UTF8.GetBytes(body, t_body);
        return t_body;
    }

    /// <summary>
    /// Re-writes the parsed body canonically and compares: the exact answer for bodies the one-pass
    /// check does not settle. False when the body has no canonical form at all.
    /// </summary>
    private static bool CheckCanonicalForm(JsonElement root, ReadOnlySpan<byte> body, long seq, Walk walk)
    {
        var canonical = t_canonical ??= new ArrayBufferWriter<byte>(4096);
        canonical.ResetWrittenCount();
        try
        {
            JsonCanonicalizer.Write(root, new CanonicalJsonWriter(canonical));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            walk.Report(seq, ViolationKind.UnreadableBody, "body is not JSON");
            return false;
        }

        if (!canonical.WrittenSpan.SequenceEqual(body))
        {
            walk.Report(seq, ViolationKind.UnreadableBody, "body is not in RFC 8785 canonical form");
        }

        return true;
    }

    private static bool CheckCanonicalForm(ReadOnlyMemory<byte> body, long seq, Walk walk)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            walk.Report(seq, ViolationKind.UnreadableBody, "body is not JSON");
            return false;
        }

        using (document)
        {
            return CheckCanonicalForm(document.RootElement, body.Span, seq, walk);
        }
    }

    private void CheckRecord(StoredRecord stored, string? linkTo, long previousSeq, Walk walk)
    {
        var seq = stored.KeySeq;
        var record = stored.Record;
        var buffer = BodyBytes(record.Body, out var length);
        if (!RecordHasher.Matches(buffer, length, record.PrevHash.Length == 64 ? record.PrevHash : ChainHead.GenesisHash, record.Hash))
        {
            walk.Report(seq, ViolationKind.HashMismatch, "stored hash does not match the record's body and prevHash (record edited)");
        }

        if (linkTo is not null && !string.Equals(record.PrevHash, linkTo, StringComparison.Ordinal))
        {
            walk.Report(seq, ViolationKind.BrokenLink, $"prevHash does not match the hash of record {previousSeq} (record inserted, removed, reordered or forked)");
        }

        var body = buffer.AsMemory(0, length);
        if (_options.RevalidateContract)
        {
            if (CheckBodyRevalidating(stored, body, walk) is { } projection)
            {
                Accept(stored, projection.EventId, projection, walk);
            }

            return;
        }

        var facts = t_facts ??= new RecordFacts();
        if (CheckBody(stored, body, facts, walk))
        {
            var bytes = body.Span;
            var eventId = facts.IsAccepted ? facts.GetString(bytes, RecordFacts.Fact.EventId, record.EventId) : null;
            Accept(stored, eventId, walk.OnRecord is null ? null : facts.ToProjection(bytes, record), walk);
        }
    }

    private static void Accept(StoredRecord stored, string? eventId, RecordProjection? projection, Walk walk)
    {
        if (eventId is not null && !walk.EventIds.TryAdd(eventId, stored.KeySeq))
        {
            walk.Report(stored.KeySeq, ViolationKind.DuplicateEvent, $"event id is already accepted at seq {walk.EventIds[eventId]} (an event stored twice)");
        }

        if (projection is not null)
        {
            walk.OnRecord?.Invoke(stored, projection);
        }
    }

    /// <summary>
    /// Checks a body in one pass over its bytes: canonical form (the exact comparison only when the
    /// pass cannot settle it), what the body says against the keys and the stored attributes. True
    /// when the body is a readable record.
    /// </summary>
    private static bool CheckBody(StoredRecord stored, ReadOnlyMemory<byte> memory, RecordFacts facts, Walk walk)
    {
        var seq = stored.KeySeq;
        var body = memory.Span;
        switch (facts.Read(body))
        {
            case RecordFacts.Verdict.NotJson:
                walk.Report(seq, ViolationKind.UnreadableBody, "body is not JSON");
                return false;
            case RecordFacts.Verdict.Unsettled when !CheckCanonicalForm(memory, seq, walk):
                return false;
        }

        if (facts.Problem is { } problem)
        {
            walk.Report(seq, ViolationKind.UnreadableBody, problem);
            return false;
        }

        if (!facts.Matches(body, RecordFacts.Fact.ChainId, stored.KeyChainId) || facts.Seq != seq)
        {
            walk.Report(seq, ViolationKind.BodyMismatch, $"body belongs to chain '{facts.GetString(body, RecordFacts.Fact.ChainId)}' seq {facts.Seq} (record moved or swapped)");
        }

        var r = stored.Record;
        if (facts.Format == RecordFormat.Transactional)
        {
            // Format 1 items also carried these as attributes; later formats take them from the keys.
            Compare("chainId", facts.Matches(body, RecordFacts.Fact.ChainId, r.ChainId));
            Compare("seq", r.Seq == facts.Seq);
            Compare("receivedAt", facts.Matches(body, RecordFacts.Fact.ReceivedAt, r.ReceivedAt));
        }

        Compare("status", string.Equals(r.Status, facts.IsAccepted ? RecordStatus.Accepted : RecordStatus.Rejected, StringComparison.Ordinal));
        Compare("eventId", facts.Matches(body, RecordFacts.Fact.EventId, r.EventId));
        Compare("eventType", facts.Matches(body, RecordFacts.Fact.EventType, r.EventType));
        Compare("user_id", facts.Matches(body, RecordFacts.Fact.UserId, r.Seed.UserId));
        Compare("timestamp", facts.Matches(body, RecordFacts.Fact.Timestamp, r.Seed.Timestamp));
        Compare("query_record_id", facts.Matches(body, RecordFacts.Fact.QueryRecordId, r.Seed.QueryRecordId));
        Compare("response_record_ids", facts.ResponseRecordIdsMatch(body, r.Seed.ResponseRecordIds));
        Compare("query_result", facts.Matches(body, RecordFacts.Fact.QueryResult, r.Seed.QueryResult));
        return true;

        void Compare(string attribute, bool matches)
        {
            if (!matches)
            {
                walk.Report(seq, ViolationKind.AttributeMismatch, $"attribute '{attribute}' does not match the record body");
            }
        }
    }

    /// <summary>
    /// The check with <see cref="ChainVerifierOptions.RevalidateContract"/> on: the body parsed into
    /// a document, the stored event validated against the contract, and the projection read from it.
    /// </summary>
    private RecordProjection? CheckBodyRevalidating(StoredRecord stored, ReadOnlyMemory<byte> body, Walk walk)
    {
        var seq = stored.KeySeq;

        // One parse serves both checks: the canonical form is re-written from it and compared, and
        // the projection is read from it.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            walk.Report(seq, ViolationKind.UnreadableBody, "body is not JSON");
            return null;
        }

        RecordProjection? projection;
        string? problem;
        using (document)
        {
            // The byte-level check settles almost every body; the exact comparison with a canonical
            // re-write decides the rest (and every body that is not canonical).
            if (!CanonicalFormCheck.IsCertainlyCanonical(body.Span) && !CheckCanonicalForm(document.RootElement, body.Span, seq, walk))
            {
                return null;
            }

            projection = RecordProjection.TryRead(document.RootElement, _validator, out problem);
        }

        if (projection is null)
        {
            walk.Report(seq, ViolationKind.UnreadableBody, problem!);
            return null;
        }

        if (projection.ChainId != stored.KeyChainId || projection.Seq != seq)
        {
            walk.Report(seq, ViolationKind.BodyMismatch, $"body belongs to chain '{projection.ChainId}' seq {projection.Seq} (record moved or swapped)");
        }

        var r = stored.Record;
        var s = projection.Seed;
        if (projection.Format == RecordFormat.Transactional)
        {
            // Format 1 items also carried these as attributes; later formats take them from the keys.
            Compare("chainId", r.ChainId, projection.ChainId);
            Compare("seq", r.Seq.ToString(CultureInfo.InvariantCulture), projection.Seq.ToString(CultureInfo.InvariantCulture));
            Compare("receivedAt", r.ReceivedAt, projection.ReceivedAt);
        }

        Compare("status", r.Status, projection.Status);
        Compare("eventId", r.EventId, projection.EventId);
        Compare("eventType", r.EventType, projection.EventType);
        Compare("user_id", r.Seed.UserId, s.UserId);
        Compare("timestamp", r.Seed.Timestamp, s.Timestamp);
        Compare("query_record_id", r.Seed.QueryRecordId, s.QueryRecordId);
        Compare("response_record_ids", string.Join('\n', r.Seed.ResponseRecordIds), string.Join('\n', s.ResponseRecordIds));
        Compare("query_result", r.Seed.QueryResult, s.QueryResult);
        return projection;

        void Compare(string attribute, string? stored, string? derived)
        {
            if (!string.Equals(stored, derived, StringComparison.Ordinal))
            {
                walk.Report(seq, ViolationKind.AttributeMismatch, $"attribute '{attribute}' does not match the record body");
            }
        }
    }

    /// <summary>The state of one walk along a chain.</summary>
    private sealed class Walk(string chainId, Action<StoredRecord, RecordProjection>? onRecord)
    {
        public List<ChainViolation> Violations { get; } = [];

        /// <summary>Event ids accepted so far, with the position of each.</summary>
        public Dictionary<string, long> EventIds { get; } = new(StringComparer.Ordinal);

        public Action<StoredRecord, RecordProjection>? OnRecord => onRecord;

        public void Report(long seq, ViolationKind kind, string detail)
        {
            if (Violations.Count < MaxViolations)
            {
                Violations.Add(new ChainViolation(chainId, seq, kind, detail));
            }
        }
    }
}
