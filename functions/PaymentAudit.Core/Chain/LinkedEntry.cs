namespace PaymentAudit.Core.Chain;

/// <summary>A linked record and the entry it was made from.</summary>
/// <param name="Record">The chain record.</param>
/// <param name="Entry">The validated or quarantined message the record holds.</param>
public sealed record LinkedEntry(ChainRecord Record, ChainEntry Entry)
{
    /// <summary>The queue message this record came from.</summary>
    public string MessageId => Entry.MessageId;

    /// <summary>The chain's head once this record is stored.</summary>
    public ChainHead Head => new(Record.Seq, Record.Hash);
}
