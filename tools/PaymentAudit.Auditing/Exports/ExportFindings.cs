using System.Collections.Concurrent;
using System.Globalization;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Auditing.Exports;

/// <summary>The violations and notices of one export verification (chains are verified in parallel).</summary>
internal sealed class ExportFindings
{
    private readonly ConcurrentQueue<ChainViolation> _violations = new();
    private readonly ConcurrentQueue<string> _notices = new();
    private int _itemFindings;
    private int _omitted;

    /// <summary>Every violation, by chain, sequence number and kind.</summary>
    public IReadOnlyList<ChainViolation> Violations =>
        [.. _violations.OrderBy(v => v.ChainId, StringComparer.Ordinal).ThenBy(v => v.Seq).ThenBy(v => v.Kind)];

    /// <summary>Every notice, in the order given, and how many item findings were left out.</summary>
    public IReadOnlyList<string> Notices => _omitted == 0
        ? [.. _notices]
        : [.. _notices, string.Create(CultureInfo.InvariantCulture, $"{_omitted} more findings about items are not listed (the first {ExportVerifier.MaxItemFindings} are)")];

    /// <summary>Adds a violation as it is (the chain verifier's findings).</summary>
    public void Report(ChainViolation violation) => _violations.Enqueue(violation);

    /// <summary>Adds a finding about an export as a whole.</summary>
    public void ReportExport(string exportId, ViolationKind kind, string detail) => Report(new ChainViolation($"(export {exportId})", 0, kind, detail));

    /// <summary>Adds a finding about one item, located by chain and sequence number where it is a chain record.</summary>
    public void ReportItem(ItemKey key, ViolationKind kind, string detail)
    {
        if (Interlocked.Increment(ref _itemFindings) > ExportVerifier.MaxItemFindings)
        {
            Interlocked.Increment(ref _omitted);
            return;
        }

        if (key.TryRecord(out var chainId, out var seq))
        {
            Report(new ChainViolation(chainId, seq, kind, $"record {detail}"));
        }
        else if (key.IsDirectoryEntry)
        {
            Report(new ChainViolation(key.Sk, 0, kind, $"chain directory entry {detail}"));
        }
        else
        {
            Report(new ChainViolation("(table)", 0, kind, $"item {key} {detail}"));
        }
    }

    /// <summary>Adds a notice.</summary>
    public void Notice(string notice) => _notices.Enqueue(notice);
}
