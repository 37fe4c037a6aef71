using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>Writes generated valid events to a temporary folder and has ajv judge them all in one run.</summary>
public sealed class RandomEventSamples : IDisposable
{
    /// <summary>How many generated events are checked.</summary>
    public const int Count = 300;

    private readonly string _folder = Directory.CreateTempSubdirectory("payment-audit-samples-").FullName;

    /// <summary>Generates the samples and validates them.</summary>
    public RandomEventSamples()
    {
        for (var seed = 0; seed < Count; seed++)
        {
            File.WriteAllText(Path.Combine(_folder, $"{seed:D4}.json"), Some.Json(RandomEvents.Valid(seed)));
        }

        ByName = AjvVerdicts.Run(_folder).ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>ajv's verdicts keyed by file name, e.g. <c>0042.json</c>.</summary>
    public IReadOnlyDictionary<string, AjvVerdict> ByName { get; }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
