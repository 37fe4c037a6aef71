namespace PaymentAudit.Core.Tests.Support.CardCorpus;

/// <summary>How the guard did on one category of the corpus.</summary>
/// <param name="Category">The category.</param>
/// <param name="Kind">Card numbers (hits are catches) or identifiers (hits are false positives).</param>
/// <param name="Samples">Samples in the category.</param>
/// <param name="Hits">Card numbers caught, or identifiers taken for card numbers.</param>
public sealed record CardCorpusFigure(string Category, CardCorpusKind Kind, int Samples, int Hits)
{
    /// <summary>Hits per sample: recall for card numbers, the false-positive rate for identifiers.</summary>
    public double Rate => Samples == 0 ? 0 : (double)Hits / Samples;
}
