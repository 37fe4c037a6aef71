using System.Globalization;
using PaymentAudit.Core.Tests.Support.CardCorpus;
using PaymentAudit.Core.Validation;
using static PaymentAudit.Benchmarks.HarnessArguments;

namespace PaymentAudit.Benchmarks.Guard;

/// <summary>
/// The card-number guard measured like a detector, from the command line: the seeded corpus the
/// test suite uses (<c>CardCorpusTests</c>), one line per category, then
/// <c>card-corpus: recall=&lt;x&gt; false_positive_rate=&lt;y&gt;</c>. Needs no emulator.
/// Usage: harness card-corpus [--seed N] [--per-pan-category N] [--per-identifier-category N].
/// Exit code 0 when recall is at least 99% and the false-positive rate at most 0.5%, else 1.
/// </summary>
public sealed class CardCorpusHarness : IHarness
{
    public string Name => "card-corpus";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var seed = Option(args, "--seed", CardCorpusGenerator.DefaultSeed);
        var samples = CardCorpusGenerator.Generate(seed, Option(args, "--per-pan-category", 200), Option(args, "--per-identifier-category", 1_000));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// seed {seed}: {samples.Count(s => s.Kind == CardCorpusKind.Pan)} payloads with card numbers, "
            + $"{samples.Count(s => s.Kind == CardCorpusKind.Legitimate)} events with identifiers, {samples.Count(s => s.Kind == CardCorpusKind.Random)} with random digits"));

        var report = CardCorpusMeasurement.Run(samples, new AuditEventValidator());
        foreach (var line in report.Lines())
        {
            Console.WriteLine(line);
        }

        return Task.FromResult(report.Recall >= 0.99 && report.FalsePositiveRate <= 0.005 ? 0 : 1);
    }
}
