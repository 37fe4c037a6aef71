using System.CommandLine;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Demos;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Runs;

namespace PaymentAudit.Cli.Local;

/// <summary><c>local up</c> and <c>local demo</c>: the whole pipeline on emulators.</summary>
public static class LocalCommand
{
    /// <summary>Builds the <c>local</c> command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var local = new Command("local", "Run the whole pipeline on local emulators (DynamoDB Local and fauxqs); no AWS account needed.");
        local.Subcommands.Add(BuildUp(output, error));
        local.Subcommands.Add(BuildDemo(output, error));
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
            "Start the emulators, send a realistic stream through the client library, wait until the queue drains, verify every chain and "
            + "run two auditor queries. Exits non-zero if an event is lost or a chain fails to verify.");
        options.AddTo(demo);
        demo.Options.Add(events);
        demo.SetAction(async (parsed, cancellationToken) => await GuardAsync(error, async () =>
        {
            var settings = options.ToSettings(parsed);
            var result = await LocalDemoRun.RunAsync(settings, new DemoOptions { Events = parsed.GetValue(events) }, output, cancellationToken);
            return result.Succeeded ? ExitCodes.Success : ExitCodes.DemoFailed;
        }));
        return demo;
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
