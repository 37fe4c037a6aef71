using System.Runtime.CompilerServices;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>Chains held in memory, appended through the real linker: a stand-in for the table behind <see cref="IChainSource"/>.</summary>
public sealed class InMemoryChains : IChainSource
{
    private readonly SortedDictionary<string, List<StoredRecord>> _chains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unlisted = new(StringComparer.Ordinal);

    /// <summary>Appends <paramref name="entries"/> to <paramref name="chainId"/> as the writer would.</summary>
    public InMemoryChains Append(string chainId, params ChainEntry[] entries)
    {
        var chain = _chains.TryGetValue(chainId, out var existing) ? existing : _chains[chainId] = [];
        var head = chain.Count == 0 ? ChainHead.Genesis : new ChainHead(chain[^1].KeySeq, chain[^1].Record.Hash);
        foreach (var linked in ChainLinker.Link(chainId, head, entries, Some.ReceivedAt))
        {
            chain.Add(new StoredRecord(chainId, linked.Record.Seq, linked.Record));
        }

        return this;
    }

    /// <summary>Changes a stored record behind the writer's back.</summary>
    public void Tamper(string chainId, long seq, Func<ChainRecord, ChainRecord> edit)
    {
        var chain = _chains[chainId];
        var index = chain.FindIndex(r => r.KeySeq == seq);
        chain[index] = chain[index] with { Record = edit(chain[index].Record) };
    }

    /// <summary>Removes a chain's directory entry behind the writer's back (its records stay).</summary>
    public void RemoveFromDirectory(string chainId) => _unlisted.Add(chainId);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListChainIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chainId in _chains.Keys.Where(id => !_unlisted.Contains(id)).ToList())
        {
            await Task.Yield();
            yield return chainId;
        }
    }

    /// <inheritdoc />
    public Task<ChainHead> ReadHeadAsync(string chainId, CancellationToken cancellationToken) =>
        Task.FromResult(_chains.TryGetValue(chainId, out var chain) && chain.Count > 0 ? new ChainHead(chain[^1].KeySeq, chain[^1].Record.Hash) : ChainHead.Genesis);

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadChainAsync(string chainId, long fromSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in _chains.GetValueOrDefault(chainId, []).Where(r => r.KeySeq >= fromSeq).ToList())
        {
            await Task.Yield();
            yield return record;
        }
    }
}
