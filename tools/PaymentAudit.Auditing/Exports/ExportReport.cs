using System.Globalization;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Auditing.Exports;

/// <summary>What verifying table exports found.</summary>
/// <param name="Exports">The exports applied, in the order they were applied (kind, export time or window: see <see cref="TableExport"/>).</param>
/// <param name="Chains">Chains verified.</param>
/// <param name="Records">Chain records verified.</param>
/// <param name="Violations">
/// Every violation, by chain and sequence number: the chain verifier's findings, and what exports
/// show that an append-only trail forbids (<see cref="ViolationKind.RecordDeleted"/>,
/// <see cref="ViolationKind.RecordChanged"/>, <see cref="ViolationKind.ExportGap"/>); an export that
/// cannot be read is an <see cref="ViolationKind.ExportInvalid"/> under the chain id <c>(export &lt;id&gt;)</c>.
/// </param>
/// <param name="Notices">Findings that are not violations (a chain that begins mid-way in incremental exports, exports not applied, ...).</param>
public sealed record ExportReport(IReadOnlyList<TableExport> Exports, int Chains, long Records, IReadOnlyList<ChainViolation> Violations, IReadOnlyList<string> Notices)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsIntact => Violations.Count == 0;

    /// <summary>The closing line: <c>export: chains=&lt;n&gt; records=&lt;n&gt; verified=&lt;ok|failed&gt;</c>.</summary>
    public string SummaryLine => string.Create(CultureInfo.InvariantCulture, $"export: chains={Chains} records={Records} verified={(IsIntact ? "ok" : "failed")}");
}
