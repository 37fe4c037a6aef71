using System.CommandLine;
using PaymentAudit.Auditing.Output;
using PaymentAudit.Auditing.Queries;
using PaymentAudit.Auditing.Recording;

namespace PaymentAudit.Cli.Auditing;

/// <summary><c>paymentaudit chains</c>: every chain with its head, from the chain directory (no table scan).</summary>
public static class ChainsCommand
{
    private static readonly Column[] Columns = [new("chain", 34), new("head_seq", 9), new("head_hash", 64), new("last_write", 28), new("registered_at", 28)];

    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var target = new TargetOptionSet();
        var format = FormatOption.Create();
        var command = new Command("chains", "List every chain with its head (last sequence number and hash) and last write time.\nExample: paymentaudit chains --local --format json");
        target.AddTo(command);
        command.Options.Add(format);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            await session.RecordReadAsync(ReadKinds.TrailQueried, text, cancellationToken);
            var writer = new RowWriter(parsed.GetValue(format), output, Columns);
            await foreach (var chain in new TrailQueries(session.Reader, session.History, session.Validator).ChainsAsync(cancellationToken))
            {
                writer.Write(chain.ChainId, chain.HeadSeq, chain.HeadHash, chain.LastWrite, chain.RegisteredAt);
            }

            writer.Complete();
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
