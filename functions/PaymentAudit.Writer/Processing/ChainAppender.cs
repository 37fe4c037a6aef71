using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Appends one group's messages to its chain, in order, one conditional put per record, and
/// decides for each whether it is new, a redelivery of something already stored, or an event id
/// reused for other content:
/// <list type="bullet">
/// <item>a redelivered message is found in the chain's tail (FIFO redelivers only what was not
/// acknowledged, so it is among the last records);</item>
/// <item>a late repeat of an event id (after the queue's deduplication window, or sent to another
/// group) is found through the event index;</item>
/// <item>identical content is a duplicate and stores nothing; different content is stored as a
/// <c>conflicting_duplicate</c> rejection naming where the original is.</item>
/// </list>
/// Outcomes are recorded as each record is stored, so a failure part-way leaves an exact account.
/// </summary>
public sealed class ChainAppender
{
    private readonly IChainStore _store;
    private readonly IPayloadArchive _archive;
    private readonly ChainTailCache _tails;
    private readonly TimeProvider _time;
    private readonly int _maxConflicts;

    /// <summary>Creates an appender.</summary>
    /// <param name="store">The chain store.</param>
    /// <param name="archive">Where whole payloads of large quarantined messages go.</param>
    /// <param name="tails">Warm cache of chain tails.</param>
    /// <param name="time">Clock for <c>receivedAt</c>.</param>
    /// <param name="maxConflicts">How many taken positions to absorb for one group before giving up as contended.</param>
    public ChainAppender(IChainStore store, IPayloadArchive archive, ChainTailCache tails, TimeProvider time, int maxConflicts = 8)
    {
        _store = store;
        _archive = archive;
        _tails = tails;
        _time = time;
        _maxConflicts = maxConflicts;
    }

    /// <summary>
    /// Appends <paramref name="messages"/> in order; records each message's outcome in
    /// <paramref name="outcomes"/> as it is settled.
    /// </summary>
    /// <exception cref="StoreUnavailableException">A transient fault or persistent contention; messages without an outcome are not stored.</exception>
    public async Task AppendAsync(
        string chainId,
        IReadOnlyList<ValidatedMessage> messages,
        IDictionary<string, ProcessedMessage> outcomes,
        BatchEventRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(registry);
        if (messages.Count == 0)
        {
            return;
        }

        var tail = _tails.TryGet(chainId, out var cached) ? cached : await ReadTailAsync(chainId, cancellationToken);
        var indexed = await LookUpEventsAsync(messages, tail, registry, cancellationToken);
        var conflicts = 0;
        foreach (var message in messages)
        {
            while (true)
            {
                var entry = message.Entry;
                if (tail.FindMessage(entry.MessageId) is { } redelivered)
                {
                    // The same queue message again: stored already, whatever its status.
                    outcomes[entry.MessageId] = new ProcessedMessage(entry.MessageId, chainId, MessageOutcome.Duplicate, redelivered.Seq);
                    break;
                }

                if (FindEvent(chainId, entry, tail, registry, indexed) is { } original)
                {
                    if (string.Equals(original.EventHash, entry.EventHash, StringComparison.Ordinal))
                    {
                        outcomes[entry.MessageId] = new ProcessedMessage(entry.MessageId, chainId, MessageOutcome.Duplicate, original.Seq);
                        break;
                    }

                    entry = ChainEntry.ConflictingDuplicate(entry, original, message.Body);
                }

                if (tail.Head.IsGenesis)
                {
                    // Listed before its first record, so no chain with records is ever missing from the directory.
                    await _store.RegisterChainAsync(chainId, Now(), cancellationToken);
                }

                var linked = ChainLinker.Link(chainId, tail.Head, entry, Now());
                if (entry.Payload is { PreviewTruncated: true } payload)
                {
                    // Archived first: a stored record must never point at a payload that is not there.
                    await _archive.StoreAsync(payload, cancellationToken);
                }

                if (await _store.AppendAsync(linked.Record, cancellationToken) == AppendStatus.Appended)
                {
                    tail = tail.Append(TailEntry.Of(linked));
                    _tails.Set(chainId, tail);
                    outcomes[entry.MessageId] = Stored(chainId, linked, registry);
                    break;
                }

                // Another writer took the position, or the cached tail was stale: read the chain again
                // and judge this message anew (it may be the one the other writer stored).
                _tails.Invalidate(chainId);
                if (++conflicts > _maxConflicts)
                {
                    throw new StoreUnavailableException($"Chain '{chainId}' stayed contended after {_maxConflicts} taken positions; the rest is left for redelivery.");
                }

                tail = await ReadTailAsync(chainId, cancellationToken);
            }
        }
    }

    private static ProcessedMessage Stored(string chainId, LinkedEntry linked, BatchEventRegistry registry)
    {
        var entry = linked.Entry;
        var seq = linked.Record.Seq;
        if (entry.Event is { } stored)
        {
            registry.Stored(stored.EventId, new DuplicateOf(chainId, seq, entry.EventHash!));
            return new ProcessedMessage(entry.MessageId, chainId, MessageOutcome.Accepted, seq, Redactions: entry.Redactions.Count);
        }

        var outcome = entry.DuplicateOf is null ? MessageOutcome.Rejected : MessageOutcome.ConflictingDuplicate;
        return new ProcessedMessage(entry.MessageId, chainId, outcome, seq, entry.Rejection!.CodeName);
    }

    /// <summary>Where an accepted event's id is already stored, if anywhere: the tail first, then this batch, then the event index.</summary>
    private static DuplicateOf? FindEvent(
        string chainId, ChainEntry entry, ChainTail tail, BatchEventRegistry registry, IReadOnlyDictionary<string, DuplicateOf> indexed)
    {
        if (entry.Event is not { } auditEvent)
        {
            return null;
        }

        if (tail.FindEvent(auditEvent.EventId) is { } inTail)
        {
            return new DuplicateOf(chainId, inTail.Seq, inTail.EventHash!);
        }

        return registry.Find(auditEvent.EventId) ?? indexed.GetValueOrDefault(auditEvent.EventId);
    }

    /// <summary>Looks up, in parallel, the accepted events whose id the tail does not already answer for.</summary>
    private async Task<IReadOnlyDictionary<string, DuplicateOf>> LookUpEventsAsync(
        IReadOnlyList<ValidatedMessage> messages, ChainTail tail, BatchEventRegistry registry, CancellationToken cancellationToken)
    {
        var eventIds = messages
            .Where(m => tail.FindMessage(m.Entry.MessageId) is null)
            .Select(m => m.Entry.Event?.EventId)
            .OfType<string>()
            .Where(id => tail.FindEvent(id) is null && registry.Find(id) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var found = await Task.WhenAll(eventIds.Select(id => _store.FindEventAsync(id, cancellationToken)));
        var located = new Dictionary<string, DuplicateOf>(StringComparer.Ordinal);
        for (var i = 0; i < eventIds.Count; i++)
        {
            if (found[i] is { } record)
            {
                var stored = TailEntry.Of(record);
                located[eventIds[i]] = new DuplicateOf(record.ChainId, record.Seq, stored.EventHash ?? string.Empty);
            }
        }

        return located;
    }

    private async Task<ChainTail> ReadTailAsync(string chainId, CancellationToken cancellationToken)
    {
        var records = await _store.ReadTailAsync(chainId, ChainTail.Depth, cancellationToken);
        var tail = ChainTail.Of(records.Select(TailEntry.Of));
        _tails.Set(chainId, tail);
        return tail;
    }

    private string Now() => Rfc3339.ToSortable(_time.GetUtcNow().UtcDateTime);
}
