using System.CommandLine;
using System.Globalization;
using PaymentAudit.Auditing.DeadLetters;
using PaymentAudit.Auditing.Output;
using PaymentAudit.Auditing.Recording;

namespace PaymentAudit.Cli.Auditing;

/// <summary><c>paymentaudit dlq list|redrive</c>: inspect the dead-letter queue and move its messages back.</summary>
public static class DlqCommand
{
    private static readonly Column[] Columns =
        [new("message_id", 36), new("chain", 34), new("receive_count", 13), new("first_received", 24), new("sent", 24), new("verdict", 26), new("reason", 0)];

    /// <summary>Builds <c>dlq</c> with <c>list</c> and <c>redrive</c>.</summary>
    public static Command Build(TextWriter output, TextWriter error, TextReader input, bool interactive)
    {
        var dlq = new Command("dlq", "Inspect the dead-letter queue and move its messages back to the audit queue.");
        dlq.Subcommands.Add(List(output, error));
        dlq.Subcommands.Add(Redrive(output, error, input, interactive));
        return dlq;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var target = new TargetOptionSet();
        var format = FormatOption.Create();
        var max = new Option<int>("--max") { Description = "Most messages to list, 1-10000. Default 1000.", DefaultValueFactory = _ => 1_000 };
        var command = new Command(
            "list",
            "List dead-lettered messages without consuming them: id, chain, receive count, first receive time, and the validator's verdict on the body (never the body).\n"
            + "Example: paymentaudit dlq list --env prod");
        target.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(max);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            var url = session.Target.DeadLetterQueueUrl ?? throw new PaymentAudit.Auditing.Targets.TargetException("No dead-letter queue is known for this target: pass --dlq-url.");
            await session.RecordReadAsync(ReadKinds.DeadLettersRead, text, cancellationToken);
            var letters = await new DeadLetterInspector(session.Sqs, url, session.Validator).ListAsync(Math.Clamp(parsed.GetValue(max), 1, 10_000), cancellationToken);
            var writer = new RowWriter(parsed.GetValue(format), output, Columns);
            foreach (var letter in letters)
            {
                writer.Write(letter.MessageId, letter.ChainId, letter.ReceiveCount, letter.FirstReceivedAt, letter.SentAt, letter.Verdict, letter.Reason);
            }

            writer.Complete();
            await error.WriteLineAsync($"{letters.Count} dead-lettered messages");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Redrive(TextWriter output, TextWriter error, TextReader input, bool interactive)
    {
        var target = new TargetOptionSet();
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (required when not on a terminal)." };
        var command = new Command(
            "redrive",
            "Move every dead-lettered message back to the audit queue, keeping its group and deduplication ids (SQS's own redrive where available). "
            + "Asks for confirmation unless --yes.\nExample: paymentaudit dlq redrive --env prod --yes");
        target.AddTo(command);
        command.Options.Add(yes);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            var dlqUrl = session.Target.DeadLetterQueueUrl ?? throw new PaymentAudit.Auditing.Targets.TargetException("No dead-letter queue is known for this target: pass --dlq-url.");
            var queueUrl = session.Target.QueueUrl ?? throw new PaymentAudit.Auditing.Targets.TargetException("No audit queue is known for this target: pass --queue-url.");
            if (!parsed.GetValue(yes))
            {
                if (!interactive)
                {
                    throw new PaymentAudit.Auditing.Targets.TargetException("dlq redrive moves messages: confirm with --yes when not on a terminal.");
                }

                await error.WriteAsync($"Move every message of {dlqUrl} back to {queueUrl}? [y/N] ");
                if (!string.Equals((await input.ReadLineAsync(cancellationToken))?.Trim(), "y", StringComparison.OrdinalIgnoreCase))
                {
                    await error.WriteLineAsync("nothing moved");
                    return ExitCodes.Success;
                }
            }

            await session.RecordReadAsync(ReadKinds.DeadLettersRedriven, text, cancellationToken);
            var progress = new Progress<long>(moved => error.Write(interactive ? $"\rmoved {moved}" : string.Empty));
            var moved = await new DeadLetterInspector(session.Sqs, dlqUrl, session.Validator).RedriveAsync(queueUrl, progress, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{(interactive ? "\n" : string.Empty)}redrive: moved={moved}"));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
