using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Tests.Support.CardCorpus;
using PaymentAudit.Core.Validation;
using Xunit.Abstractions;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// The guard measured like a detector, on a seeded corpus (<see cref="CardCorpusGenerator"/>):
/// recall over card numbers in every field and spelling, false positives over the 13-19 digit
/// identifiers real systems produce. The same figures print from the command line:
/// <c>dotnet run -c Release --project bench/PaymentAudit.Benchmarks -- harness card-corpus</c>.
/// </summary>
public sealed class CardCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<CardSample>> Corpus = new(() => CardCorpusGenerator.Generate());

    [Fact]
    public void Corpus_Guard_CatchesAtLeast99PercentAndFlagsAtMostHalfAPercentOfIdentifiers()
    {
        var report = CardCorpusMeasurement.Run(Corpus.Value, new AuditEventValidator());

        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }

        foreach (var miss in report.Misses.Where(m => m.Kind != CardCorpusKind.Random).Take(20))
        {
            output.WriteLine($"miss: {miss.Category}: {miss.Payload}");
        }

        report.Recall.ShouldBeGreaterThanOrEqualTo(0.99);
        report.FalsePositiveRate.ShouldBeLessThanOrEqualTo(0.005);
    }

    [Fact]
    public void Corpus_EveryCardNumberCategory_IsCaughtAtLeast99PercentOfTheTime()
    {
        var report = CardCorpusMeasurement.Run(Corpus.Value, new AuditEventValidator());

        report.Categories.Where(c => c.Kind == CardCorpusKind.Pan)
            .ShouldAllBe(c => c.Rate >= 0.99);
    }

    [Fact]
    public void Corpus_CoversTheCategoriesOfTheIssue()
    {
        var categories = Corpus.Value.Select(s => s.Category).Distinct().ToList();

        categories.ShouldContain("other separators");
        categories.ShouldContain("digits of other scripts");
        categories.ShouldContain("glued to letters");
        categories.ShouldContain("escapes in text that is not JSON");
        categories.ShouldContain("message group id");
        categories.ShouldContain("epoch milliseconds");
        categories.ShouldContain("snowflake ids");
        categories.ShouldContain("order numbers yyyyMMdd+sequence");
        Corpus.Value.Count(s => s.Kind == CardCorpusKind.Legitimate).ShouldBeGreaterThanOrEqualTo(5_000);
    }

    [Fact]
    public void Corpus_CardNumbers_AreLuhnValidAnd13To19DigitsLong()
    {
        Corpus.Value.Where(s => s.Kind == CardCorpusKind.Pan)
            .ShouldAllBe(s => s.Digits.Length >= 13 && s.Digits.Length <= 19 && CardNumberDetector.PassesLuhn(s.Digits));
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameCorpus()
    {
        var again = CardCorpusGenerator.Generate();

        again.ShouldBe(Corpus.Value);
    }

    [Fact]
    public void Retains_MaskedCardNumber_IsFalseAndPlainCardNumber_IsTrue()
    {
        CardCorpusMeasurement.Retains("card ************1111", Pans.Visa).ShouldBeFalse();
        CardCorpusMeasurement.Retains(@"card \u0034111 1111 1111 1111", Pans.Visa).ShouldBeTrue();
    }
}
