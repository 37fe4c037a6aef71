namespace PaymentAudit.Core.Chain;

/// <summary>The last record of a chain: its sequence number and hash.</summary>
/// <param name="Seq">Sequence number of the last record; 0 for an empty chain.</param>
/// <param name="Hash">Hash of the last record; <see cref="GenesisHash"/> for an empty chain.</param>
public sealed record ChainHead(long Seq, string Hash)
{
    /// <summary>The <c>prevHash</c> of every chain's first record: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The head of a chain with no records yet.</summary>
    public static ChainHead Genesis { get; } = new(0, GenesisHash);

    /// <summary>True when the chain has no records.</summary>
    public bool IsGenesis => Seq == 0;
}
