using System.Collections.Concurrent;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Digests;

/// <summary>
/// Makes one digest: reads every chain's head through the chain directory (no table scan), marks
/// the chains that moved since the previous digest, links to the previous digest (key, SHA-256,
/// signature), signs the SHA-256 of the canonical document and stores it. A quiet period still gets
/// a digest, so the sequence has no holes.
/// </summary>
public sealed class Digester
{
    private readonly IChainSource _chains;
    private readonly IDigestStore _store;
    private readonly IDigestSigner _signer;
    private readonly TimeProvider _time;
    private readonly DigesterOptions _options;

    /// <summary>Creates a digester.</summary>
    public Digester(IChainSource chains, IDigestStore store, IDigestSigner signer, TimeProvider time, DigesterOptions options)
    {
        _chains = chains;
        _store = store;
        _signer = signer;
        _time = time;
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Makes, signs and stores the next digest.</summary>
    /// <exception cref="InvalidDataException">The latest stored digest cannot be read: the sequence is broken and needs an operator.</exception>
    public async Task<DigestRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var wholeSecond = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var latest = await _store.ReadLatestAsync(cancellationToken);
        DigestDocument? previous = null;
        if (latest is not null)
        {
            previous = DigestDocumentFile.TryRead(latest.Document, out var problem)
                ?? throw new InvalidDataException($"The latest digest {latest.Key} cannot be read ({problem}); the next digest would not link to it.");
        }

        var chainIds = new List<string>();
        await foreach (var chainId in _chains.ListChainIdsAsync(cancellationToken))
        {
            chainIds.Add(chainId);
        }

        var heads = new ConcurrentDictionary<string, Chain.ChainHead>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            chainIds,
            new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelChains, CancellationToken = cancellationToken },
            async (chainId, ct) => heads[chainId] = await _chains.ReadHeadAsync(chainId, ct));

        var before = (previous?.Chains ?? []).ToDictionary(c => c.ChainId, StringComparer.Ordinal);
        var chains = chainIds
            .Order(StringComparer.Ordinal)
            .Select(id => new DigestedChain(id, heads[id].Seq, heads[id].Hash, !before.TryGetValue(id, out var was) || was.Seq != heads[id].Seq || was.Hash != heads[id].Hash))
            .ToList();
        var document = new DigestDocument(
            DigestDocument.CurrentFormat,
            _options.Environment,
            _options.TableArn,
            Rfc3339.ToSortable(wholeSecond.UtcDateTime),
            (long)_options.Period.TotalSeconds,
            latest is null ? null : new DigestLink(latest.Key, Convert.ToHexStringLower(DigestDocumentFile.Hash(latest.Document)), Convert.ToBase64String(latest.Signature)),
            chains);
        var bytes = DigestDocumentFile.Write(document);
        var signature = await _signer.SignAsync(DigestDocumentFile.Hash(bytes), cancellationToken);
        var key = DigestKeys.For(_options.Environment, wholeSecond);
        await _store.WriteAsync(new StoredDigest(key, bytes, signature, _signer.KeyId), cancellationToken);
        return new DigestRun(key, chains.Count, chains.Count(c => c.Moved), latest?.Key);
    }
}
