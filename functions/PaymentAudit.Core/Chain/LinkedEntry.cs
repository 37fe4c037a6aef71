namespace PaymentAudit.Core.Chain;

/// <summary>A linked record and the entry it was made from, which says what the store writes beside it.</summary>
/// <param name="Record">The chain record.</param>
/// <param name="Entry">The validated or quarantined message the record holds.</param>
public sealed record LinkedEntry(ChainRecord Record, ChainEntry Entry)
{
    /// <summary>Idempotency guard key (see <see cref="ChainEntry.GuardKey"/>).</summary>
    public string GuardKey => Entry.GuardKey;

    /// <summary>Payment records the event touched.</summary>
    public IReadOnlyList<RecordReference> References => Entry.References;

    /// <summary>The queue message this record came from.</summary>
    public string MessageId => Entry.MessageId;

    /// <summary>Items the store writes for this entry (see <see cref="ChainEntry.ItemCount"/>).</summary>
    public int ItemCount => Entry.ItemCount;
}
