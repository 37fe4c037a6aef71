using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Ports;

/// <summary>Read access to the chains: the chain directory and each chain's records in order.</summary>
public interface IChainSource
{
    /// <summary>Every chain id in the chain directory.</summary>
    IAsyncEnumerable<string> ListChainIdsAsync(CancellationToken cancellationToken);

    /// <summary>A chain's records from <paramref name="fromSeq"/> on, in sequence order, read with strong consistency.</summary>
    IAsyncEnumerable<StoredRecord> ReadChainAsync(string chainId, long fromSeq, CancellationToken cancellationToken);

    /// <summary>A chain's head: its last record's position and hash (<see cref="ChainHead.Genesis"/> when it has none), read with strong consistency.</summary>
    Task<ChainHead> ReadHeadAsync(string chainId, CancellationToken cancellationToken);
}
