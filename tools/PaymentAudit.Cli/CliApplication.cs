using System.CommandLine;
using PaymentAudit.Cli.Auditing;
using PaymentAudit.Cli.Local;

namespace PaymentAudit.Cli;

/// <summary>The command tree and its invocation; <c>Program</c> only calls <see cref="RunAsync"/>.</summary>
public static class CliApplication
{
    /// <summary>How long Ctrl+C waits for a command to stop the emulators before the process ends anyway.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Builds the command tree.</summary>
    /// <param name="output">Machine output (results).</param>
    /// <param name="error">Messages, progress and prompts.</param>
    /// <param name="input">Where confirmations are read.</param>
    /// <param name="interactive">True when a person watches: live progress and prompts are shown.</param>
    public static RootCommand Build(TextWriter output, TextWriter error, TextReader? input = null, bool interactive = false)
    {
        var root = new RootCommand("PaymentAudit: tamper-evident audit trail for payment-data access. Every auditor command records its own read of the trail as an audit event.");
        root.Subcommands.Add(VerifyCommand.Build(output, error, interactive));
        root.Subcommands.Add(QueryCommand.Build(output, error));
        root.Subcommands.Add(ChainsCommand.Build(output, error));
        root.Subcommands.Add(DlqCommand.Build(output, error, input ?? TextReader.Null, interactive));
        root.Subcommands.Add(LocalCommand.Build(output, error));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, TextReader? input = null, bool interactive = false, CancellationToken cancellationToken = default)
    {
        var parsed = Build(output, error, input, interactive).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = StopTimeout };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}
