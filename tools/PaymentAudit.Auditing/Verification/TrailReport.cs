using System.Globalization;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Auditing.Verification;

/// <summary>What a verification found.</summary>
/// <param name="Chains">Chains walked.</param>
/// <param name="Records">Records checked.</param>
/// <param name="Violations">Every violation, by chain and sequence number.</param>
/// <param name="Notices">Findings that are not violations (e.g. a listed chain with no record yet).</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Complete">False when the verification was stopped before the end (the report is partial).</param>
/// <param name="Digests">What the digests held the trail to; null when they were not checked.</param>
public sealed record TrailReport(int Chains, long Records, IReadOnlyList<ChainViolation> Violations, IReadOnlyList<string> Notices, TimeSpan Duration, bool Complete, DigestCheck? Digests = null)
{
    /// <summary>Records checked per second.</summary>
    public double RecordsPerSecond => Duration > TimeSpan.Zero ? Records / Duration.TotalSeconds : 0;

    /// <summary>True when everything checked is intact.</summary>
    public bool IsIntact => Violations.Count == 0;

    /// <summary>
    /// The closing line: <c>verify: chains=.. records=.. violations=.. records_per_s=..</c>, and with
    /// digests <c>digests=&lt;verified&gt;/&lt;read&gt; undigested=&lt;n&gt;</c>.
    /// </summary>
    public string SummaryLine =>
        string.Create(CultureInfo.InvariantCulture, $"verify: chains={Chains} records={Records} violations={Violations.Count} records_per_s={RecordsPerSecond:0}")
        + (Digests is { } d ? string.Create(CultureInfo.InvariantCulture, $" digests={d.Verified}/{d.Read} undigested={d.Undigested}") : string.Empty)
        + (Complete ? string.Empty : " (stopped before the end: partial)");
}
