using System.CommandLine;
using PaymentAudit.Auditing.Output;
using PaymentAudit.Auditing.Queries;
using PaymentAudit.Auditing.Recording;
using PaymentAudit.Core.History;

namespace PaymentAudit.Cli.Auditing;

/// <summary><c>paymentaudit query actor|record|event</c>: the auditor's questions, streamed as table, JSON or CSV.</summary>
public static class QueryCommand
{
    private static readonly Column[] HistoryColumns =
    [
        new("timestamp", 28), new("actor", 20), new("event_type", 24), new("result", 8), new("status", 8), new("reference", 17), new("chain", 12), new("seq", 6), new("event_id", 36),
    ];

    private static readonly Column[] EventColumns =
    [
        new("chain", 12), new("seq", 6), new("event_type", 24), new("actor", 20), new("timestamp", 28), new("result", 8), new("hash", 64),
    ];

    /// <summary>Builds <c>query</c> with its three subcommands.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var query = new Command("query", "Ask the trail: what an actor did, who touched a payment record, where an event is. Every query is itself recorded as an audit event.");
        query.Subcommands.Add(History(output, error, HistoryKind.Actor));
        query.Subcommands.Add(History(output, error, HistoryKind.Record));
        query.Subcommands.Add(Event(output, error));
        return query;
    }

    private static Command History(TextWriter output, TextWriter error, HistoryKind kind)
    {
        var target = new TargetOptionSet();
        var format = FormatOption.Create();
        var times = new TimeOptions(required: kind == HistoryKind.Actor);
        var key = new Argument<string>(kind == HistoryKind.Actor ? "actorId" : "recordId") { Description = kind == HistoryKind.Actor ? "The actor's id." : "The payment record's id." };
        var command = kind == HistoryKind.Actor
            ? new Command("actor", "What an actor did between two times, oldest first (accepted events and the actor's quarantined messages).\nExample: paymentaudit query actor user-ana --from -7d --to now --env prod --format csv")
            : new Command("record", "Who queried, received or processed a payment record, oldest first.\nExample: paymentaudit query record pay-1001 --local");
        command.Arguments.Add(key);
        target.AddTo(command);
        times.AddTo(command);
        command.Options.Add(format);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            var id = parsed.GetValue(key)!;
            var (from, to) = times.Read(parsed, DateTimeOffset.UtcNow);
            await session.RecordReadAsync(ReadKinds.TrailQueried, text, cancellationToken);
            var queries = new TrailQueries(session.Reader, session.History, session.Validator);
            var rows = kind == HistoryKind.Actor ? queries.ActorAsync(id, from, to, cancellationToken) : queries.RecordAsync(id, from, to, cancellationToken);
            var writer = new RowWriter(parsed.GetValue(format), output, HistoryColumns);
            await foreach (var row in rows)
            {
                writer.Write(row.Timestamp, row.ActorId, row.EventType, row.Result, row.Status, row.Reference, row.ChainId, row.Seq, row.EventId);
            }

            writer.Complete();
            await error.WriteLineAsync($"{writer.Rows} rows");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Event(TextWriter output, TextWriter error)
    {
        var target = new TargetOptionSet();
        var format = FormatOption.Create();
        var eventId = new Argument<string>("eventId") { Description = "The event's id." };
        var command = new Command("event", "Where an event is stored and what it says (JSON and CSV include the record's canonical body).\nExample: paymentaudit query event 0196f3c2-6a1b-7c3e-9d41-5a2b8c7e1f00 --env prod --format json");
        command.Arguments.Add(eventId);
        target.AddTo(command);
        command.Options.Add(format);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            await session.RecordReadAsync(ReadKinds.TrailQueried, text, cancellationToken);
            var chosen = parsed.GetValue(format);
            var columns = chosen == OutputFormat.Table ? EventColumns : [.. EventColumns, new Column("body", 0)];
            var writer = new RowWriter(chosen, output, columns);
            await foreach (var found in new TrailQueries(session.Reader, session.History, session.Validator).EventAsync(parsed.GetValue(eventId)!, cancellationToken))
            {
                object?[] values = [found.ChainId, found.Seq, found.EventType, found.ActorId, found.Timestamp, found.Result, found.Hash];
                writer.Write(chosen == OutputFormat.Table ? values : [.. values, found.Body]);
            }

            writer.Complete();
            if (writer.Rows == 0)
            {
                await error.WriteLineAsync("no accepted record has this event id");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
