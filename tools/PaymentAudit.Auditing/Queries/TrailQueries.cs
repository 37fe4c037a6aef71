using System.Runtime.CompilerServices;
using System.Text.Json;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;

namespace PaymentAudit.Auditing.Queries;

/// <summary>The auditor's questions: the chains and their heads, an actor's timeline, a payment record's history, an event by id. Every answer streams.</summary>
public sealed class TrailQueries
{
    private readonly AuditTrailReader _reader;
    private readonly HistoryQuery _history;
    private readonly AuditEventValidator _validator;

    /// <summary>Creates the queries over the table and the history index in <paramref name="history"/>.</summary>
    public TrailQueries(AuditTrailReader reader, IHistoryStore history, AuditEventValidator validator)
    {
        _reader = reader;
        _validator = validator;
        _history = new HistoryQuery(reader, history, validator);
    }

    /// <summary>Every chain in the directory with its head (one query per chain, no scan).</summary>
    public async IAsyncEnumerable<ChainSummary> ChainsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in _reader.ListChainsAsync(cancellationToken))
        {
            var last = await _reader.ReadLastAsync(entry.ChainId, cancellationToken);
            yield return last is null
                ? new ChainSummary(entry.ChainId, 0, ChainHead.GenesisHash, null, entry.RegisteredAt)
                : new ChainSummary(entry.ChainId, last.KeySeq, last.Record.Hash, ReceivedAt(last.Record.Body), entry.RegisteredAt);
        }
    }

    /// <summary>What <paramref name="actorId"/> did, oldest first, between two sortable UTC times (null: open).</summary>
    public IAsyncEnumerable<HistoryRow> ActorAsync(string actorId, string? from, string? to, CancellationToken cancellationToken = default) =>
        _history.QueryAsync(HistoryKind.Actor, actorId, from, to, cancellationToken);

    /// <summary>Who queried, received or processed <paramref name="recordId"/>, oldest first.</summary>
    public IAsyncEnumerable<HistoryRow> RecordAsync(string recordId, string? from, string? to, CancellationToken cancellationToken = default) =>
        _history.QueryAsync(HistoryKind.Record, recordId, from, to, cancellationToken);

    /// <summary>The accepted record(s) of <paramref name="eventId"/> (more than one would be an event stored twice).</summary>
    public async IAsyncEnumerable<EventLookup> EventAsync(string eventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in _reader.FindEventAsync(eventId, cancellationToken))
        {
            var projection = RecordProjection.TryRead(stored.Record.Body, _validator, out _);
            var seed = projection?.Seed ?? stored.Record.Seed;
            yield return new EventLookup(stored.KeyChainId, stored.KeySeq, projection?.EventType ?? stored.Record.EventType, seed.UserId, seed.Timestamp, seed.QueryResult, stored.Record.Hash, stored.Record.Body);
        }
    }

    private static string? ReceivedAt(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("receivedAt", out var receivedAt) ? receivedAt.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
