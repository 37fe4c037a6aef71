using System.CommandLine;
using System.Globalization;
using PaymentAudit.Core.Topology;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Demos;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Runs;

namespace PaymentAudit.Cli.Local;

/// <summary><c>local up</c>, <c>local demo</c> and <c>local export</c>: the whole pipeline on emulators.</summary>
public static class LocalCommand
{
    /// <summary>Builds the <c>local</c> command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var local = new Command("local", "Run the whole pipeline on local emulators (DynamoDB Local and fauxqs); no AWS account needed.");
        local.Subcommands.Add(BuildUp(output, error));
        local.Subcommands.Add(BuildDemo(output, error));
        local.Subcommands.Add(LocalExportCommand.Build(output, error));
        return local;
    }

    private static Command BuildUp(TextWriter output, TextWriter error)
    {
        var options = new LocalOptions(persists: true);
        var up = new Command(
            "up",
            "Start the emulators, provision the table and queues, and keep the writer processing the queue with live counters until Ctrl+C. "
            + "The table and queues are kept in the data folder across restarts and crashes unless --in-memory; the writer's log goes to writer.log there.");
        options.AddTo(up);
        up.SetAction(async (parsed, cancellationToken) => await GuardAsync(error, async () =>
        {
            var settings = options.ToSettings(parsed);
            var interactive = !Console.IsOutputRedirected;
            await LocalUpRun.RunAsync(settings, output, interactive, TimeSpan.FromSeconds(interactive ? 1 : 5), cancellationToken);
            return ExitCodes.Success;
        }));
        return up;
    }

    private static Command BuildDemo(TextWriter output, TextWriter error)
    {
        var options = new LocalOptions();
        var events = new Option<int>("--events")
        {
            Description = $"Number of events to send (10 to 1000000). Default {DemoOptions.DefaultEvents}.",
            DefaultValueFactory = _ => DemoOptions.DefaultEvents,
        };
        events.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 10 or > 1_000_000)
            {
                result.AddError($"--events must be from 10 to 1000000, not {result.GetValueOrDefault<int>()}.");
            }
        });
        var demo = new Command(
            "demo",
            "Start the emulators, send a realistic stream through the client library and the HTTP endpoint, wait until the queue drains, "
            + "write and verify signed digests, verify every chain, run two auditor queries, and end with `paymentaudit verify --local --digests`. "
            + "Exits non-zero if an event is lost, a card number is stored in the clear, or a digest or chain fails to verify.");
        options.AddTo(demo);
        demo.Options.Add(events);
        demo.SetAction(async (parsed, cancellationToken) => await GuardAsync(error, async () =>
        {
            var settings = options.ToSettings(parsed);
            var (result, verified) = await LocalDemoRun.RunAsync(
                settings, new DemoOptions { Events = parsed.GetValue(events) }, output, cancellationToken, (demoResult, ct) => AfterDemoAsync(settings, demoResult, output, error, ct));
            return result.Succeeded && verified ? ExitCodes.Success : ExitCodes.DemoFailed;
        }));
        return demo;
    }

    // After the demo: line, what an auditor and an operator run on the same trail: the digests'
    // figures, `paymentaudit verify --local --digests` (its own verify: line, and its read of the
    // trail recorded as every auditor command's is), then a local export read back against the
    // digests (its export: line).
    private static async Task<bool> AfterDemoAsync(LocalSettings settings, DemoResult result, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"digests: written={result.DigestsWritten} verified={result.DigestsVerified}"));
        string[] target =
        [
            "--local",
            "--dynamodb-port", settings.DynamoDbPort.ToString(CultureInfo.InvariantCulture),
            "--sqs-port", settings.SqsPort.ToString(CultureInfo.InvariantCulture),
        ];
        string[] digests = ["--digests", "--public-key", settings.DigestKeyPath];
        var verified = await RunAsync(["verify", .. target, .. digests], output, error, cancellationToken);
        var location = LocalExportCommand.NewTarget(LocalResourceNames.ArchiveBucket());
        var exported = await RunAsync(["local", "export", .. target, "--to", location], output, error, cancellationToken);
        var exportVerified = exported && await RunAsync(["verify", .. target, "--export", location, .. digests], output, error, cancellationToken);
        return verified && exported && exportVerified;
    }

    private static async Task<bool> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        output.WriteLine("$ paymentaudit " + string.Join(' ', args));
        output.Flush();
        return await CliApplication.RunAsync(args, output, error, cancellationToken: cancellationToken) == ExitCodes.Success;
    }

    private static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (LocalConfigurationException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (EmulatorStartException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.EmulatorFailed;
        }
    }
}
