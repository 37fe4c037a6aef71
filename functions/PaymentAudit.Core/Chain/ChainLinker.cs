using System.Text;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Chain;

/// <summary>Links entries onto a chain head: assigns sequence numbers, bodies and hashes.</summary>
public static class ChainLinker
{
    /// <summary>
    /// Links <paramref name="entries"/> in order after <paramref name="head"/>. The result's last
    /// record is the chain's new head once stored.
    /// </summary>
    public static IReadOnlyList<LinkedEntry> Link(string chainId, ChainHead head, IReadOnlyList<ChainEntry> entries, string receivedAt)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(entries);
        var linked = new List<LinkedEntry>(entries.Count);
        var prevHash = head.Hash;
        var seq = head.Seq;
        foreach (var entry in entries)
        {
            seq++;
            var body = RecordBody.Write(chainId, seq, receivedAt, entry);
            var hash = RecordHasher.Compute(body, prevHash);
            var auditEvent = entry.Event;
            var record = new ChainRecord(
                chainId,
                seq,
                auditEvent is null ? RecordStatus.Rejected : RecordStatus.Accepted,
                auditEvent?.EventId,
                auditEvent?.EventType,
                receivedAt,
                auditEvent is null ? SeedAttributes.FromRejected(entry.MaskedPayload!, receivedAt) : SeedAttributes.From(auditEvent),
                Encoding.UTF8.GetString(body),
                prevHash,
                hash);
            linked.Add(new LinkedEntry(record, entry.GuardKey, auditEvent is null ? [] : References(auditEvent), entry.MessageId));
            prevHash = hash;
        }

        return linked;
    }

    /// <summary>The distinct payment records an event touched, each with how it was touched.</summary>
    public static IReadOnlyList<RecordReference> References(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string recordId, string kind)
        {
            if (kinds.TryGetValue(recordId, out var existing))
            {
                kinds[recordId] = $"{existing}+{kind}";
                return;
            }

            kinds[recordId] = kind;
            order.Add(recordId);
        }

        foreach (var id in auditEvent.Query?.RecordIds ?? [])
        {
            Add(id, RecordReference.Queried);
        }

        foreach (var id in auditEvent.Response?.RecordIds ?? [])
        {
            Add(id, RecordReference.Returned);
        }

        if (auditEvent.Payment is { } payment)
        {
            Add(payment.PaymentId, RecordReference.Processed);
        }

        return order.Select(id => new RecordReference(id, kinds[id])).ToList();
    }
}
