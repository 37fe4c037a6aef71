using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Appends one group's entries to its chain, in order, in as few atomic appends as the store's
/// transaction limit allows. Entries found already stored become duplicates; a moved head is
/// re-read and the rest relinked. Outcomes are recorded as each append commits, so a failure
/// part-way leaves an exact account of what is stored.
/// </summary>
public sealed class ChainAppender
{
    private readonly IChainStore _store;
    private readonly ChainHeadCache _heads;
    private readonly TimeProvider _time;
    private readonly int _maxConflicts;

    /// <summary>Creates an appender.</summary>
    /// <param name="store">The chain store.</param>
    /// <param name="heads">Warm cache of chain heads.</param>
    /// <param name="time">Clock for <c>receivedAt</c>.</param>
    /// <param name="maxConflicts">How many moved heads or duplicate findings to absorb before giving up as contended.</param>
    public ChainAppender(IChainStore store, ChainHeadCache heads, TimeProvider time, int maxConflicts = 8)
    {
        _store = store;
        _heads = heads;
        _time = time;
        _maxConflicts = maxConflicts;
    }

    /// <summary>Appends <paramref name="entries"/>; records each entry's outcome in <paramref name="outcomes"/> as it is settled.</summary>
    /// <exception cref="StoreUnavailableException">A transient fault or persistent contention; entries without an outcome are not stored.</exception>
    public async Task AppendAsync(
        string chainId, IReadOnlyList<ChainEntry> entries, IDictionary<string, ProcessedMessage> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(outcomes);
        var pending = new List<ChainEntry>(entries);
        var conflicts = 0;
        while (pending.Count > 0)
        {
            if (!_heads.TryGet(chainId, out var head))
            {
                head = await _store.ReadHeadAsync(chainId, cancellationToken);
            }

            var chunk = TakeChunk(pending);
            var receivedAt = Rfc3339.ToSortable(_time.GetUtcNow().UtcDateTime);
            var linked = ChainLinker.Link(chainId, head, chunk, receivedAt);
            var result = await _store.AppendAsync(chainId, head, linked, cancellationToken);
            switch (result.Status)
            {
                case AppendStatus.Appended:
                    var last = linked[^1].Record;
                    _heads.Set(chainId, new ChainHead(last.Seq, last.Hash));
                    foreach (var entry in linked)
                    {
                        outcomes[entry.MessageId] = new ProcessedMessage(
                            entry.MessageId,
                            chainId,
                            entry.Record.Status == RecordStatus.Accepted ? MessageOutcome.Accepted : MessageOutcome.Rejected,
                            entry.Record.Seq,
                            entry.Entry.Rejection?.CodeName);
                    }

                    pending.RemoveRange(0, chunk.Count);
                    break;

                case AppendStatus.AlreadyStored:
                    _heads.Invalidate(chainId);
                    var existing = result.ExistingGuardKeys.ToHashSet(StringComparer.Ordinal);
                    foreach (var duplicate in pending.Where(e => existing.Contains(e.GuardKey)))
                    {
                        outcomes[duplicate.MessageId] = new ProcessedMessage(duplicate.MessageId, chainId, MessageOutcome.Duplicate);
                    }

                    pending.RemoveAll(e => existing.Contains(e.GuardKey));
                    CountConflict(chainId, ref conflicts);
                    break;

                case AppendStatus.HeadMoved:
                    _heads.Invalidate(chainId);
                    CountConflict(chainId, ref conflicts);
                    break;

                default:
                    throw new InvalidOperationException($"Unknown append status {result.Status}.");
            }
        }
    }

    private void CountConflict(string chainId, ref int conflicts)
    {
        if (++conflicts > _maxConflicts)
        {
            throw new StoreUnavailableException($"Chain '{chainId}' stayed contended after {_maxConflicts} attempts; the rest is left for redelivery.");
        }
    }

    private List<ChainEntry> TakeChunk(List<ChainEntry> pending)
    {
        var budget = _store.MaxItemsPerAppend - 1;
        var chunk = new List<ChainEntry>();
        foreach (var entry in pending)
        {
            var items = entry.ItemCount;
            if (items > budget)
            {
                if (chunk.Count == 0)
                {
                    throw new InvalidOperationException($"One entry needs {items + 1} items, over the store's limit of {_store.MaxItemsPerAppend}.");
                }

                break;
            }

            budget -= items;
            chunk.Add(entry);
        }

        return chunk;
    }
}
