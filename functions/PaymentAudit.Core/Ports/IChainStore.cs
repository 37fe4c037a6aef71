using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Ports;

/// <summary>
/// Append-only storage of chains. Implementations only ever create items with conditional puts;
/// they never update or delete a record.
/// </summary>
public interface IChainStore
{
    /// <summary>Most items one atomic append may write, head included.</summary>
    int MaxItemsPerAppend { get; }

    /// <summary>Reads a chain's head with strong consistency; <see cref="ChainHead.Genesis"/> when the chain is empty.</summary>
    /// <exception cref="StoreUnavailableException">A transient fault; retrying later may succeed.</exception>
    Task<ChainHead> ReadHeadAsync(string chainId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically stores <paramref name="entries"/> (records, guards, index items) and moves the
    /// head from <paramref name="expectedHead"/> to the last entry, or stores nothing.
    /// </summary>
    /// <exception cref="StoreUnavailableException">A transient fault; nothing was stored.</exception>
    Task<AppendResult> AppendAsync(string chainId, ChainHead expectedHead, IReadOnlyList<LinkedEntry> entries, CancellationToken cancellationToken);
}
