using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PaymentAudit.Auditing.Recording;
using PaymentAudit.Auditing.Verification;
using PaymentAudit.Core.Chain;
using Spectre.Console;

namespace PaymentAudit.Cli.Auditing;

/// <summary><c>paymentaudit verify</c>: checks every chain (or the named ones) and the structures beside them.</summary>
public static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error, bool interactive)
    {
        var target = new TargetOptionSet();
        var chains = new Option<string[]>("--chain") { Description = "Verify only this chain (repeatable). Default: every chain, and then the event index, history index and chain directory too." };
        var fromSeq = new Option<long>("--from-seq") { Description = "Start each chain at this sequence number (its predecessor's hash is checked). Default 1.", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Chains verified at once, 1-64. Default 4.", DefaultValueFactory = _ => 4 };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout: {\"chains\":n,\"records\":n,\"violations\":[{\"chainId\",\"seq\",\"kind\",\"detail\"}]}." };
        fromSeq.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) { r.AddError("--from-seq must be 1 or more."); } });
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) { r.AddError("--parallel must be from 1 to 64."); } });
        var command = new Command(
            "verify",
            "Verify the trail: canonical bodies, hash links, sequence continuity, attributes against bodies, heads committed by the history index, "
            + "and (for the whole trail) the event index, history index, chain directory and archived payloads, in both directions.\n"
            + "Exit codes: 0 intact, 4 violations found, 3 store unreachable, 5 this read could not be audited, 2 usage, 130 stopped (partial report).\n"
            + "Example: paymentaudit verify --env prod --parallel 8 --json > verify.json");
        target.AddTo(command);
        command.Options.Add(chains);
        command.Options.Add(fromSeq);
        command.Options.Add(parallel);
        command.Options.Add(json);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            var request = new VerifyRequest(parsed.GetValue(chains) ?? [], parsed.GetValue(fromSeq), parsed.GetValue(parallel));
            await session.RecordReadAsync(ReadKinds.TrailVerified, text, cancellationToken);
            var verifier = new TrailVerifier(session.Reader, session.History, session.Archive, session.Validator);
            var report = await RunAsync(verifier, request, error, interactive, cancellationToken);
            var asJson = parsed.GetValue(json);
            if (asJson)
            {
                await output.WriteLineAsync(Json(report));
            }
            else
            {
                foreach (var violation in report.Violations)
                {
                    await output.WriteLineAsync(violation.ToString());
                }

                foreach (var notice in report.Notices)
                {
                    await output.WriteLineAsync("notice: " + notice);
                }
            }

            await (asJson ? error : output).WriteLineAsync(report.SummaryLine);
            return !report.IsIntact ? ExitCodes.ViolationsFound : report.Complete ? ExitCodes.Success : ExitCodes.Interrupted;
        }, cancellationToken));
        return command;
    }

    /// <summary>The report as the documented JSON document.</summary>
    public static string Json(TrailReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("chains", report.Chains);
            writer.WriteNumber("records", report.Records);
            writer.WriteBoolean("complete", report.Complete);
            writer.WriteNumber("recordsPerSecond", Math.Round(report.RecordsPerSecond, 1));
            writer.WriteStartArray("violations");
            foreach (var violation in report.Violations)
            {
                writer.WriteStartObject();
                writer.WriteString("chainId", violation.ChainId);
                writer.WriteNumber("seq", violation.Seq);
                writer.WriteString("kind", Kind(violation.Kind));
                writer.WriteString("detail", violation.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notices");
            foreach (var notice in report.Notices)
            {
                writer.WriteStringValue(notice);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A violation kind as JSON names it: snake_case.</summary>
    public static string Kind(ViolationKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static async Task<TrailReport> RunAsync(TrailVerifier verifier, VerifyRequest request, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        if (!interactive)
        {
            var reporter = new VerifyProgressReporter(error, interactive: false);
            return await verifier.VerifyAsync(request, reporter.Report, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            ColorSystem = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        TrailReport? report = null;
        await console.Live(new Text("verifying ...")).StartAsync(async context =>
        {
            var gate = new object();
            TimeSpan? last = null;
            report = await verifier.VerifyAsync(
                request,
                progress =>
                {
                    lock (gate)
                    {
                        if (last is { } shown && progress.Elapsed - shown < TimeSpan.FromMilliseconds(200))
                        {
                            return;
                        }

                        last = progress.Elapsed;
                        context.UpdateTarget(Render(progress));
                    }
                },
                cancellationToken);
        });
        return report!;
    }

    private static Table Render(VerifyProgress progress)
    {
        var table = new Table().HideHeaders().AddColumn("what").AddColumn("value");
        table.AddRow("chains", string.Create(CultureInfo.InvariantCulture, $"{progress.ChainsDone}/{progress.Chains}"));
        table.AddRow("records", progress.Records.ToString(CultureInfo.InvariantCulture));
        table.AddRow("records/s", progress.RecordsPerSecond.ToString("0", CultureInfo.InvariantCulture));
        table.AddRow("violations", progress.Violations.ToString(CultureInfo.InvariantCulture));
        return table;
    }
}
