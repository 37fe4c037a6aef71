namespace PaymentAudit.Core.Chain;

/// <summary>
/// A stored chain record. <see cref="Body"/> is the RFC 8785 canonical JSON that is hashed;
/// the other fields are projections of it kept as attributes for queries, and verification
/// checks that they still match it.
/// </summary>
/// <param name="ChainId">The chain (message group) id.</param>
/// <param name="Seq">Position in the chain, from 1.</param>
/// <param name="Status"><see cref="RecordStatus.Accepted"/> or <see cref="RecordStatus.Rejected"/>.</param>
/// <param name="EventId">Event id of an accepted record.</param>
/// <param name="EventType">Event type of an accepted record.</param>
/// <param name="ReceivedAt">When the writer linked it (sortable UTC).</param>
/// <param name="Seed">The seed schema's five attributes.</param>
/// <param name="Body">Canonical JSON of the record.</param>
/// <param name="PrevHash">Hash of the previous record, or <see cref="ChainHead.GenesisHash"/>.</param>
/// <param name="Hash">SHA-256 over <see cref="Body"/> followed by <see cref="PrevHash"/>, lowercase hex.</param>
public sealed record ChainRecord(
    string ChainId,
    long Seq,
    string Status,
    string? EventId,
    string? EventType,
    string ReceivedAt,
    SeedAttributes Seed,
    string Body,
    string PrevHash,
    string Hash);
