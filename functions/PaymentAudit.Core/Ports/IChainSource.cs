using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Ports;

/// <summary>Read access to the chains: the chain directory and each chain's records in order.</summary>
public interface IChainSource
{
    /// <summary>Every chain id in the chain directory.</summary>
    IAsyncEnumerable<string> ListChainIdsAsync(CancellationToken cancellationToken);

    /// <summary>A chain's records from <paramref name="fromSeq"/> on, in sequence order, read with strong consistency.</summary>
    IAsyncEnumerable<StoredRecord> ReadChainAsync(string chainId, long fromSeq, CancellationToken cancellationToken);
}
