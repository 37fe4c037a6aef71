namespace PaymentAudit.Core.Chain;

/// <summary>
/// A position a chain is known to have reached, recorded outside the table: the record at
/// <paramref name="Seq"/> had hash <paramref name="Hash"/>, as <paramref name="Source"/> says.
/// </summary>
/// <param name="Seq">The committed position.</param>
/// <param name="Hash">The record's hash at that position.</param>
/// <param name="Source">What committed it, for reports: the history index manifest, or a signed digest's object key.</param>
public sealed record ChainCommitment(long Seq, string Hash, string Source);
