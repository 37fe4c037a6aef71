using System.Globalization;

namespace PaymentAudit.Core.Tests.Support.CardCorpus;

/// <summary>The guard's figures on the corpus, per category and overall, and the samples it got wrong.</summary>
/// <param name="Categories">One figure per category, in corpus order.</param>
/// <param name="Misses">Card-number samples not caught and identifier samples taken for card numbers.</param>
public sealed record CardCorpusReport(IReadOnlyList<CardCorpusFigure> Categories, IReadOnlyList<CardSample> Misses)
{
    /// <summary>Card numbers caught over card numbers in the corpus.</summary>
    public double Recall => Overall(CardCorpusKind.Pan);

    /// <summary>Legitimate identifiers taken for card numbers, over legitimate identifiers (random digits excluded).</summary>
    public double FalsePositiveRate => Overall(CardCorpusKind.Legitimate);

    /// <summary>The same over uniformly random digits, reported apart.</summary>
    public double RandomFalsePositiveRate => Overall(CardCorpusKind.Random);

    /// <summary>The lines the test and the harness print: one per category, then the totals.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var figure in Categories)
        {
            yield return figure.Kind == CardCorpusKind.Pan
                ? Line($"card-corpus: kind=pan category=\"{figure.Category}\" samples={figure.Samples} caught={figure.Hits} recall={figure.Rate:0.0000}")
                : Line($"card-corpus: kind={(figure.Kind == CardCorpusKind.Random ? "random" : "legitimate")} category=\"{figure.Category}\" samples={figure.Samples} flagged={figure.Hits} false_positive_rate={figure.Rate:0.0000}");
        }

        yield return Line($"card-corpus: uniformly random digits (not in the rate below) false_positive_rate={RandomFalsePositiveRate:0.0000}");
        yield return Line($"card-corpus: recall={Recall:0.0000} false_positive_rate={FalsePositiveRate:0.0000}");
    }

    private double Overall(CardCorpusKind kind)
    {
        var samples = Categories.Where(c => c.Kind == kind).Sum(c => c.Samples);
        return samples == 0 ? 0 : (double)Categories.Where(c => c.Kind == kind).Sum(c => c.Hits) / samples;
    }

    private static string Line(FormattableString line) => line.ToString(CultureInfo.InvariantCulture);
}
