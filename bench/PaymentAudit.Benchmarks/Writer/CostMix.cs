using System.Globalization;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// The share of each kind of message in a realistic stream; figures over the mix are the per-kind
/// figures weighted by these shares (the kinds are measured apart, so a mix adds no other effect).
/// </summary>
internal sealed class CostMix
{
    private readonly IReadOnlyDictionary<string, double> _weights;

    private CostMix(IReadOnlyDictionary<string, double> weights)
    {
        var total = weights.Values.Sum();
        _weights = weights.ToDictionary(w => w.Key, w => w.Value / total, StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads <c>kind=weight,...</c> (weights in any unit; a kind left out weighs nothing), or takes
    /// the default mix of <see cref="EventKind.All"/> when <paramref name="text"/> is null.
    /// </summary>
    public static bool TryParse(string? text, out CostMix mix, out string error)
    {
        mix = new CostMix(EventKind.All.ToDictionary(k => k.Name, k => k.MixWeight, StringComparer.Ordinal));
        error = string.Empty;
        if (text is null)
        {
            return true;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || EventKind.All.All(k => k.Name != pair[0])
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                error = $"--mix: '{part}' is not kind=weight with a kind among {string.Join(", ", EventKind.All.Select(k => k.Name))} and a weight >= 0, e.g. --mix typical=60,record-viewed=40";
                return false;
            }

            weights[pair[0]] = weight;
        }

        if (weights.Values.Sum() <= 0)
        {
            error = "--mix: the weights add up to nothing.";
            return false;
        }

        mix = new CostMix(weights);
        return true;
    }

    /// <summary>The mix-weighted average of <paramref name="figure"/> over <paramref name="design"/>'s results.</summary>
    public double Average(IEnumerable<CostResult> results, string design, Func<CostResult, double> figure) =>
        results.Where(r => r.Design == design).Sum(r => _weights.GetValueOrDefault(r.Kind) * figure(r));

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _weights.Where(w => w.Value > 0).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key} {w.Value:0.0%}")));
}
