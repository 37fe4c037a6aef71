using System.Buffers;
using System.Text;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Chain;

/// <summary>Links entries after a chain's head: assigns sequence numbers, bodies and hashes.</summary>
public static class ChainLinker
{
    // Bodies are written, hashed and decoded from one reused buffer per thread: no copy per record.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_bodyBuffer;

    /// <summary>Links <paramref name="entry"/> as the record after <paramref name="head"/>.</summary>
    public static LinkedEntry Link(string chainId, ChainHead head, ChainEntry entry, string receivedAt)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(entry);
        var seq = head.Seq + 1;
        var body = t_bodyBuffer ??= new ArrayBufferWriter<byte>(4096);
        body.ResetWrittenCount();
        RecordBody.Write(chainId, seq, receivedAt, entry, body);
        var hash = RecordHasher.Compute(body.WrittenSpan, head.Hash);
        var auditEvent = entry.Event;
        var record = new ChainRecord(
            chainId,
            seq,
            auditEvent is null ? RecordStatus.Rejected : RecordStatus.Accepted,
            auditEvent?.EventId,
            auditEvent?.EventType,
            receivedAt,
            auditEvent is null ? SeedAttributes.FromRejected(entry.Payload!.ActorId, receivedAt) : SeedAttributes.From(auditEvent),
            Encoding.UTF8.GetString(body.WrittenSpan),
            head.Hash,
            hash);
        return new LinkedEntry(record, entry);
    }

    /// <summary>Links <paramref name="entries"/> in order after <paramref name="head"/>.</summary>
    public static IReadOnlyList<LinkedEntry> Link(string chainId, ChainHead head, IReadOnlyList<ChainEntry> entries, string receivedAt)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var linked = new List<LinkedEntry>(entries.Count);
        foreach (var entry in entries)
        {
            var next = Link(chainId, head, entry, receivedAt);
            linked.Add(next);
            head = next.Head;
        }

        return linked;
    }

    /// <summary>The distinct payment records an event touched, each with how it was touched.</summary>
    public static IReadOnlyList<RecordReference> References(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var references = new List<RecordReference>();
        foreach (var id in auditEvent.Query?.RecordIds ?? [])
        {
            Add(references, id, RecordReference.Queried);
        }

        foreach (var id in auditEvent.Response?.RecordIds ?? [])
        {
            Add(references, id, RecordReference.Returned);
        }

        if (auditEvent.Payment is { } payment)
        {
            Add(references, payment.PaymentId, RecordReference.Processed);
        }

        return references;
    }

    /// <summary>Adds a reference, or combines kinds when the record is already referenced (lists hold at most 91 ids).</summary>
    private static void Add(List<RecordReference> references, string recordId, string kind)
    {
        for (var i = 0; i < references.Count; i++)
        {
            if (string.Equals(references[i].RecordId, recordId, StringComparison.Ordinal))
            {
                references[i] = references[i] with { Kind = $"{references[i].Kind}+{kind}" };
                return;
            }
        }

        references.Add(new RecordReference(recordId, kind));
    }
}
