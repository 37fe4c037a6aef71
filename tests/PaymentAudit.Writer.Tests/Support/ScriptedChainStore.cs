using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>
/// An in-memory chain store whose appends can be scripted to fail: a unit-test double for one
/// class, standing in for DynamoDB. Positions are taken once, as a conditional put takes them.
/// </summary>
public sealed class ScriptedChainStore : IChainStore
{
    private readonly Dictionary<string, List<ChainRecord>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChainRecord> _events = new(StringComparer.Ordinal);

    /// <summary>Chains whose appends throw a transient fault (after <see cref="FailAfterAppends"/> successes).</summary>
    public HashSet<string> FailingChains { get; } = new(StringComparer.Ordinal);

    /// <summary>Fail a chain only after this many successful appends to it.</summary>
    public int FailAfterAppends { get; set; }

    /// <summary>When set, every append throws this (a bug or a permanent fault, not a transient one).</summary>
    public Exception? AppendFault { get; set; }

    /// <summary>Chains listed in the directory.</summary>
    public List<string> Directory { get; } = [];

    /// <summary>Tail reads so far.</summary>
    public int TailReads { get; private set; }

    /// <summary>Stored records of a chain.</summary>
    public IReadOnlyList<ChainRecord> Records(string chainId) => _chains.TryGetValue(chainId, out var chain) ? chain : [];

    /// <summary>Stores <paramref name="entry"/> at the end of <paramref name="chainId"/>, as an earlier delivery or another writer would have.</summary>
    public ChainRecord PretendStored(string chainId, ChainEntry entry)
    {
        var chain = Records(chainId);
        var head = chain.Count == 0 ? ChainHead.Genesis : new ChainHead(chain[^1].Seq, chain[^1].Hash);
        var record = ChainLinker.Link(chainId, head, entry, "2026-11-23T09:00:00.0000000Z").Record;
        Store(record);
        return record;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ChainRecord>> ReadTailAsync(string chainId, int count, CancellationToken cancellationToken)
    {
        TailReads++;
        return Task.FromResult<IReadOnlyList<ChainRecord>>(Records(chainId).TakeLast(count).ToList());
    }

    /// <inheritdoc />
    public Task RegisterChainAsync(string chainId, string registeredAt, CancellationToken cancellationToken)
    {
        if (!Directory.Contains(chainId))
        {
            Directory.Add(chainId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AppendStatus> AppendAsync(ChainRecord record, CancellationToken cancellationToken)
    {
        if (AppendFault is not null)
        {
            throw AppendFault;
        }

        if (FailingChains.Contains(record.ChainId) && Records(record.ChainId).Count >= FailAfterAppends)
        {
            throw new StoreUnavailableException("scripted fault");
        }

        if (Records(record.ChainId).Any(r => r.Seq == record.Seq))
        {
            return Task.FromResult(AppendStatus.PositionTaken);
        }

        Store(record);
        return Task.FromResult(AppendStatus.Appended);
    }

    /// <inheritdoc />
    public Task<ChainRecord?> FindEventAsync(string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_events.GetValueOrDefault(eventId));

    private void Store(ChainRecord record)
    {
        var chain = _chains.TryGetValue(record.ChainId, out var existing) ? existing : _chains[record.ChainId] = [];
        if (record.Seq != (chain.Count == 0 ? 1 : chain[^1].Seq + 1))
        {
            throw new InvalidOperationException($"Record {record.Seq} would leave a gap in chain '{record.ChainId}'.");
        }

        chain.Add(record);
        if (record.EventId is { } eventId)
        {
            _events.TryAdd(eventId, record);
        }
    }
}
