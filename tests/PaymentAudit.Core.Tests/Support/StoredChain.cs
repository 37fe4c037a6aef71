using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// A chain as the store would hold it, in memory: records keyed by position, plus the heads an
/// index run or a digest committed outside the table. Tests tamper with the records the way
/// someone with table access could.
/// </summary>
public sealed class StoredChain
{
    private StoredChain(string chainId, List<StoredRecord> records, List<ChainCommitment> commitments)
    {
        ChainId = chainId;
        Records = records;
        Commitments = commitments;
    }

    /// <summary>The chain id.</summary>
    public string ChainId { get; }

    /// <summary>The stored records in key order.</summary>
    public List<StoredRecord> Records { get; }

    /// <summary>Heads committed outside the table; by default the last record as linked.</summary>
    public List<ChainCommitment> Commitments { get; }

    /// <summary>A chain of <paramref name="entries"/> linked from the genesis head, as the writer stores it, with its last record committed.</summary>
    public static StoredChain Of(string chainId, IReadOnlyList<ChainEntry> entries)
    {
        var linked = ChainLinker.Link(chainId, ChainHead.Genesis, entries, Some.ReceivedAt);
        var records = linked.Select(l => new StoredRecord(chainId, l.Record.Seq, l.Record)).ToList();
        return new StoredChain(chainId, records, linked.Count == 0 ? [] : [Commit(linked[^1].Head)]);
    }

    /// <summary>A chain of five entries: access, payment, a quarantined payload, minimal access, access.</summary>
    public static StoredChain OfFive(string chainId = "chain-a") => Of(chainId, Entries.Mixed());

    /// <summary>A commitment of <paramref name="head"/> as the tests' stand-in for an index manifest.</summary>
    public static ChainCommitment Commit(ChainHead head) => new(head.Seq, head.Hash, "the test's commitment");

    /// <summary>The record stored under key <paramref name="seq"/>.</summary>
    public ChainRecord this[long seq] => Records.Single(r => r.KeySeq == seq).Record;

    /// <summary>Replaces the record stored under key <paramref name="seq"/>.</summary>
    public void Replace(long seq, Func<ChainRecord, ChainRecord> edit)
    {
        var index = Records.FindIndex(r => r.KeySeq == seq);
        Records[index] = Records[index] with { Record = edit(Records[index].Record) };
    }

    /// <summary>Deletes the record stored under key <paramref name="seq"/>.</summary>
    public void Delete(long seq) => Records.RemoveAll(r => r.KeySeq == seq);

    /// <summary>Runs the verifier over the stored records and the commitments.</summary>
    public Task<ChainVerification> VerifyAsync() =>
        new ChainVerifier(new AuditEventValidator()).VerifyAsync(ChainId, Stream(Records.OrderBy(r => r.KeySeq).ToList()), Commitments);

    private static async IAsyncEnumerable<StoredRecord> Stream(IReadOnlyList<StoredRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}
