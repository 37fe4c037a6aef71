using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>
/// An in-memory chain store whose appends can be scripted to fail: a unit-test double for one
/// class, standing in for DynamoDB.
/// </summary>
public sealed class ScriptedChainStore : IChainStore
{
    private readonly Dictionary<string, List<LinkedEntry>> _chains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _guards = new(StringComparer.Ordinal);

    /// <summary>Limit on items per append.</summary>
    public int MaxItemsPerAppend { get; init; } = 100;

    /// <summary>Chains whose next appends throw a transient fault.</summary>
    public HashSet<string> FailingChains { get; } = new(StringComparer.Ordinal);

    /// <summary>Fail a chain only after this many successful appends to it.</summary>
    public int FailAfterAppends { get; set; }

    /// <summary>Every append attempted, as (chain, entry count).</summary>
    public List<(string ChainId, int Entries)> Appends { get; } = [];

    /// <summary>Stored records of a chain.</summary>
    public IReadOnlyList<ChainRecord> Records(string chainId) =>
        _chains.TryGetValue(chainId, out var chain) ? chain.Select(e => e.Record).ToList() : [];

    /// <summary>Marks a guard as already stored, as an earlier delivery would have.</summary>
    public void PretendStored(string guardKey) => _guards.Add(guardKey);

    /// <inheritdoc />
    public Task<ChainHead> ReadHeadAsync(string chainId, CancellationToken cancellationToken) =>
        Task.FromResult(_chains.TryGetValue(chainId, out var chain) && chain.Count > 0
            ? new ChainHead(chain[^1].Record.Seq, chain[^1].Record.Hash)
            : ChainHead.Genesis);

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(string chainId, ChainHead expectedHead, IReadOnlyList<LinkedEntry> entries, CancellationToken cancellationToken)
    {
        var succeeded = Appends.Count(a => a.ChainId == chainId);
        Appends.Add((chainId, entries.Count));
        if (FailingChains.Contains(chainId) && succeeded >= FailAfterAppends)
        {
            throw new StoreUnavailableException("scripted fault");
        }

        if (1 + entries.Sum(e => e.ItemCount) > MaxItemsPerAppend)
        {
            throw new InvalidOperationException("transaction too large");
        }

        var existing = entries.Where(e => _guards.Contains(e.GuardKey)).Select(e => e.GuardKey).ToList();
        if (existing.Count > 0)
        {
            return AppendResult.AlreadyStored(existing);
        }

        if (await ReadHeadAsync(chainId, cancellationToken) != expectedHead)
        {
            return AppendResult.HeadMoved;
        }

        var chain = _chains.TryGetValue(chainId, out var c) ? c : _chains[chainId] = [];
        chain.AddRange(entries);
        foreach (var entry in entries)
        {
            _guards.Add(entry.GuardKey);
        }

        return AppendResult.Appended;
    }
}
