using System.Collections.Concurrent;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Last known tail per chain, kept across invocations of a warm function so most appends need no
/// read. A cached tail can only be stale by missing newer records (records are never changed or
/// removed), and then the next conditional put finds its position taken and the tail is re-read.
/// </summary>
public sealed class ChainTailCache
{
    private readonly ConcurrentDictionary<string, ChainTail> _tails = new(StringComparer.Ordinal);
    private readonly int _capacity;

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> chains.</summary>
    public ChainTailCache(int capacity = 10_000) => _capacity = capacity;

    /// <summary>The cached tail, if any.</summary>
    public bool TryGet(string chainId, out ChainTail tail) => _tails.TryGetValue(chainId, out tail!);

    /// <summary>Remembers a tail the store confirmed.</summary>
    public void Set(string chainId, ChainTail tail)
    {
        if (_tails.Count >= _capacity && !_tails.ContainsKey(chainId))
        {
            // Dropping everything is cheap and correct: a miss costs one consistent read.
            _tails.Clear();
        }

        _tails[chainId] = tail;
    }

    /// <summary>Forgets a tail known to be stale.</summary>
    public void Invalidate(string chainId) => _tails.TryRemove(chainId, out _);
}
