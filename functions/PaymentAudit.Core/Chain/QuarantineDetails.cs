namespace PaymentAudit.Core.Chain;

/// <summary>What a quarantined record's body says about the refused message.</summary>
/// <param name="Code">The rejection code.</param>
/// <param name="PayloadSha256">SHA-256 of the whole masked payload; null in format 1 bodies, which hold the payload itself.</param>
/// <param name="PayloadBytes">Size of the whole masked payload; null in format 1 bodies.</param>
/// <param name="Archived">True when only a preview is in the record and the whole payload is in the archive under <paramref name="PayloadSha256"/>.</param>
/// <param name="DuplicateOf">For a conflicting duplicate: the stored event it repeats.</param>
/// <param name="EventHash">For a conflicting duplicate: the content hash of the refused event.</param>
public sealed record QuarantineDetails(string Code, string? PayloadSha256, long? PayloadBytes, bool Archived, DuplicateOf? DuplicateOf, string? EventHash);
