using System.Globalization;

namespace PaymentAudit.Benchmarks.Verification;

/// <summary>What <see cref="TrailSeeder"/> stored.</summary>
/// <param name="Records">Chain records.</param>
/// <param name="Chains">Chains (each with its directory entry).</param>
/// <param name="Items">Items the table accepted: records and directory entries.</param>
/// <param name="Requests"><c>BatchWriteItem</c> requests sent, retries included.</param>
/// <param name="Retries">Requests that sent unprocessed items again.</param>
/// <param name="Accepted">Records holding an accepted event.</param>
/// <param name="Quarantined">Records holding a quarantined message.</param>
/// <param name="MeanBodyCharacters">Mean length of a record's body.</param>
/// <param name="Elapsed">Wall time, linking included.</param>
internal sealed record SeedResult(
    long Records, int Chains, long Items, long Requests, long Retries, long Accepted, long Quarantined, double MeanBodyCharacters, TimeSpan Elapsed)
{
    /// <summary>Items stored per second.</summary>
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    /// <summary>The result line: <c>seed: records=.. chains=.. items=.. items_per_s=.. s=..</c>.</summary>
    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"seed: records={Records} chains={Chains} items={Items} items_per_s={ItemsPerSecond:0} s={Elapsed.TotalSeconds:0.0}");
}
