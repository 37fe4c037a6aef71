using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Ports;

/// <summary>
/// Append-only storage of chains. Implementations only ever create items with conditional puts;
/// they never update or delete a record. A record is written only at the position after the last
/// stored one, so a chain has no gap and no fork.
/// </summary>
public interface IChainStore
{
    /// <summary>The last <paramref name="count"/> records of a chain, oldest first, read with strong consistency.</summary>
    /// <exception cref="StoreUnavailableException">A transient fault; retrying later may succeed.</exception>
    Task<IReadOnlyList<ChainRecord>> ReadTailAsync(string chainId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the chain in the chain directory (once; doing it again changes nothing). Called before
    /// a chain's first record, so every chain with records is listed.
    /// </summary>
    /// <exception cref="StoreUnavailableException">A transient fault.</exception>
    Task RegisterChainAsync(string chainId, string registeredAt, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="record"/> at its position if the position is free.</summary>
    /// <exception cref="StoreUnavailableException">A transient fault; nothing was stored.</exception>
    Task<AppendStatus> AppendAsync(ChainRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// The accepted record of <paramref name="eventId"/> anywhere in the trail, through the event
    /// index. The index is eventually consistent: a record stored within the last second may not
    /// be found yet, which is why redeliveries are recognised from the chain's tail instead.
    /// </summary>
    /// <exception cref="StoreUnavailableException">A transient fault.</exception>
    Task<ChainRecord?> FindEventAsync(string eventId, CancellationToken cancellationToken);
}
