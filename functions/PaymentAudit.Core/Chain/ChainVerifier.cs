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
public sealed class ChainVerifier
{
    /// <summary>Findings beyond this many are not collected (the first ones locate the damage).</summary>
    public const int MaxViolations = 100;

    [ThreadStatic]
    private static byte[]? t_body;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_canonical;

    private readonly AuditEventValidator _validator;

    /// <summary>Creates a verifier that re-validates stored events with <paramref name="validator"/>.</summary>
    public ChainVerifier(AuditEventValidator validator) => _validator = validator;

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
        var violations = new List<ChainViolation>();
        void Report(long seq, ViolationKind kind, string detail)
        {
            if (violations.Count < MaxViolations)
            {
                violations.Add(new ChainViolation(chainId, seq, kind, detail));
            }
        }

        var previous = start ?? ChainHead.Genesis;
        var pending = (commitments ?? []).Where(c => c.Seq > previous.Seq).OrderBy(c => c.Seq).ThenBy(c => c.Source, StringComparer.Ordinal).ToList();
        var eventIds = new Dictionary<string, long>(StringComparer.Ordinal);
        long count = 0;
        await foreach (var stored in records.WithCancellation(cancellationToken))
        {
            count++;
            var seq = stored.KeySeq;
            var record = stored.Record;
            var expected = previous.Seq + 1;
            var linkCheckable = true;
            if (seq > expected)
            {
                Report(expected, ViolationKind.Gap, seq == expected + 1
                    ? $"record {expected} is missing"
                    : $"records {expected}-{seq - 1} are missing");
                linkCheckable = false;
            }
            else if (seq < expected)
            {
                Report(seq, ViolationKind.BrokenLink, $"record {seq} appears out of order after {previous.Seq}");
            }

            var body = BodyBytes(record.Body);
            var recomputed = RecordHasher.Compute(body.Span, record.PrevHash.Length == 64 ? record.PrevHash : ChainHead.GenesisHash);
            if (!string.Equals(recomputed, record.Hash, StringComparison.Ordinal))
            {
                Report(seq, ViolationKind.HashMismatch, "stored hash does not match the record's body and prevHash (record edited)");
            }

            if (linkCheckable && !string.Equals(record.PrevHash, previous.Hash, StringComparison.Ordinal))
            {
                Report(seq, ViolationKind.BrokenLink, $"prevHash does not match the hash of record {previous.Seq} (record inserted, removed, reordered or forked)");
            }

            if (CheckBody(stored, body, Report) is { } projection)
            {
                if (projection.EventId is { } eventId && !eventIds.TryAdd(eventId, seq))
                {
                    Report(seq, ViolationKind.DuplicateEvent, $"event id is already accepted at seq {eventIds[eventId]} (an event stored twice)");
                }

                onRecord?.Invoke(stored, projection);
            }

            while (pending.Count > 0 && pending[0].Seq <= seq)
            {
                if (pending[0].Seq == seq && !string.Equals(pending[0].Hash, record.Hash, StringComparison.Ordinal))
                {
                    Report(seq, ViolationKind.HeadMismatch, $"record {seq} differs from the head {pending[0].Source} committed at that position (chain rewritten after it was committed)");
                }

                pending.RemoveAt(0);
            }

            previous = new ChainHead(seq, record.Hash);
        }

        foreach (var missing in pending)
        {
            Report(missing.Seq, ViolationKind.HeadMismatch, $"{missing.Source} committed the chain at seq {missing.Seq} but its stored records end at {previous.Seq} (records removed at the end)");
        }

        return new ChainVerification(chainId, count, previous, violations);
    }

    /// <summary>The record's body as UTF-8, in a buffer reused per thread (valid until the next call).</summary>
    private static ReadOnlyMemory<byte> BodyBytes(string body)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(body.Length);
        if (t_body is null || t_body.Length < needed)
        {
            t_body = new byte[Math.Max(needed, 4096)];
        }

        return t_body.AsMemory(0, Encoding.UTF8.GetBytes(body, t_body));
    }

    private RecordProjection? CheckBody(StoredRecord stored, ReadOnlyMemory<byte> body, Action<long, ViolationKind, string> report)
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
            report(seq, ViolationKind.UnreadableBody, "body is not JSON");
            return null;
        }

        RecordProjection? projection;
        string? problem;
        using (document)
        {
            // The byte-level check settles almost every body; the exact comparison with a canonical
            // re-write decides the rest (and every body that is not canonical).
            if (!CanonicalFormCheck.IsCertainlyCanonical(body.Span))
            {
                var canonical = t_canonical ??= new ArrayBufferWriter<byte>(4096);
                canonical.ResetWrittenCount();
                try
                {
                    JsonCanonicalizer.Write(document.RootElement, new CanonicalJsonWriter(canonical));
                    if (!canonical.WrittenSpan.SequenceEqual(body.Span))
                    {
                        report(seq, ViolationKind.UnreadableBody, "body is not in RFC 8785 canonical form");
                    }
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or JsonException)
                {
                    report(seq, ViolationKind.UnreadableBody, "body is not JSON");
                    return null;
                }
            }

            projection = RecordProjection.TryRead(document.RootElement, _validator, out problem);
        }

        if (projection is null)
        {
            report(seq, ViolationKind.UnreadableBody, problem!);
            return null;
        }

        if (projection.ChainId != stored.KeyChainId || projection.Seq != seq)
        {
            report(seq, ViolationKind.BodyMismatch, $"body belongs to chain '{projection.ChainId}' seq {projection.Seq} (record moved or swapped)");
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
                report(seq, ViolationKind.AttributeMismatch, $"attribute '{attribute}' does not match the record body");
            }
        }
    }
}
