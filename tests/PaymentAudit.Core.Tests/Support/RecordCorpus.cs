using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// One chain holding every kind of record ever written: both body formats, accepted and quarantined,
/// conflicting duplicates, redactions, archived payloads, and generated events whose free text is
/// full of escapes, non-ASCII characters and surrogate pairs.
/// </summary>
public static class RecordCorpus
{
    /// <summary>The chain id of <see cref="Records"/>.</summary>
    public const string ChainId = "chain-c";

    /// <summary>The records, linked from the genesis head, with <paramref name="generated"/> generated events at the end.</summary>
    public static IReadOnlyList<ChainRecord> Records(int generated = 40)
    {
        var records = new List<ChainRecord>();
        var head = ChainHead.Genesis;
        void Add(ChainRecord record)
        {
            records.Add(record);
            head = new ChainHead(record.Seq, record.Hash);
        }

        void Link(ChainEntry entry) => Add(ChainLinker.Link(ChainId, head, entry, Some.ReceivedAt).Record);

        foreach (var entry in Entries.Mixed())
        {
            Link(entry);
        }

        Add(FormatOneChain.Accepted(ChainId, head, "m-f1-accepted", Some.AccessEvent("evt-f1")));
        Add(FormatOneChain.Rejected(ChainId, head, "m-f1-rejected", Entries.RejectedPayload));
        Add(FormatOneChain.Rejected(ChainId, head, "m-f1-junk", "not json at all \"\\ \u00e9"));
        var original = ChainEntry.Accepted("m-original", Some.PaymentEvent("evt-dup"));
        Link(original);
        var changed = Some.PaymentEvent("evt-dup") with { Payment = Some.PaymentEvent().Payment! with { Amount = "1.00" } };
        Link(ChainEntry.ConflictingDuplicate(ChainEntry.Accepted("m-changed", changed), new DuplicateOf(ChainId, head.Seq, EventHasher.Compute(Some.PaymentEvent("evt-dup"))), Some.Json(changed)));
        Link(ChainEntry.Accepted("m-redacted", Some.AccessEvent("evt-redacted"), ["query.description", "outcome.reason"]));
        Link(Entries.Rejected("m-archived", JsonEdit.Set(Entries.RejectedPayload, "padding", new string('p', QuarantinedPayload.PreviewMaxBytes * 2))));
        Link(Entries.Rejected("m-escapes", "{\"actor\":{\"id\":\"user-\\\"q\\\"\"},\"x\":\"\u0001\u00e9\ud83d\ude00\"}"));
        Link(ChainEntry.Quarantined("m-plain", new Rejection(RejectionCode.NotJson, "payload is not valid JSON"), "<xml/>"));
        for (var seed = 0; seed < generated; seed++)
        {
            Link(ChainEntry.Accepted($"m-generated-{seed}", RandomEvents.Valid(seed)));
        }

        return records;
    }

    /// <summary><see cref="Records"/> as the store returns them.</summary>
    public static List<StoredRecord> Stored(int generated = 40) => [.. Records(generated).Select(r => new StoredRecord(ChainId, r.Seq, r))];
}
