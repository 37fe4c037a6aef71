namespace PaymentAudit.Core.Chain;

/// <summary>A linked record with what the store writes beside it: its guard and its index references.</summary>
/// <param name="Record">The chain record.</param>
/// <param name="GuardKey">Idempotency guard key (see <see cref="ChainEntry.GuardKey"/>).</param>
/// <param name="References">Payment records the event touched.</param>
/// <param name="MessageId">The queue message this record came from.</param>
public sealed record LinkedEntry(ChainRecord Record, string GuardKey, IReadOnlyList<RecordReference> References, string MessageId)
{
    /// <summary>Items the store writes for this entry: the record, its guard and one index item per reference.</summary>
    public int ItemCount => 2 + References.Count;
}
