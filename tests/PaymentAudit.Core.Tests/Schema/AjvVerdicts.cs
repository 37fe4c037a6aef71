using System.Diagnostics;
using System.Text.Json;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>
/// Runs <c>node schema/validate.mjs</c> over the whole corpus once per test class and keeps the
/// verdicts by sample name. Node and the pinned ajv in <c>node_modules</c> are required: their
/// absence fails the tests rather than skipping them, since the agreement is the point.
/// </summary>
public sealed class AjvVerdicts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Validates the corpus with ajv.</summary>
    public AjvVerdicts() => ByName = Run(CorpusSample.Folder).ToDictionary(v => v.Name, StringComparer.Ordinal);

    /// <summary>Verdicts keyed by sample name, e.g. <c>valid/payment-processed.json</c>.</summary>
    public IReadOnlyDictionary<string, AjvVerdict> ByName { get; }

    /// <summary>Runs the script over <paramref name="path"/> (a file or a folder) and parses its lines.</summary>
    public static IReadOnlyList<AjvVerdict> Run(string path)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("schema", "validate.mjs"));
        start.ArgumentList.Add(path);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node schema/validate.mjs did not finish within {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node schema/validate.mjs exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<AjvVerdict>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"unreadable verdict line: {line}"))
            .ToList();
    }
}
