using System.Collections.Concurrent;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Last known head per chain, kept across invocations of a warm function so most appends need
/// no read. It may be stale (another writer, a crash): the conditional head put catches that.
/// </summary>
public sealed class ChainHeadCache
{
    private readonly ConcurrentDictionary<string, ChainHead> _heads = new(StringComparer.Ordinal);
    private readonly int _capacity;

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> chains.</summary>
    public ChainHeadCache(int capacity = 10_000) => _capacity = capacity;

    /// <summary>The cached head, if any.</summary>
    public bool TryGet(string chainId, out ChainHead head) => _heads.TryGetValue(chainId, out head!);

    /// <summary>Remembers a head the store confirmed.</summary>
    public void Set(string chainId, ChainHead head)
    {
        if (_heads.Count >= _capacity)
        {
            // Dropping everything is cheap and correct: a miss costs one consistent read.
            _heads.Clear();
        }

        _heads[chainId] = head;
    }

    /// <summary>Forgets a head known to be stale.</summary>
    public void Invalidate(string chainId) => _heads.TryRemove(chainId, out _);
}
