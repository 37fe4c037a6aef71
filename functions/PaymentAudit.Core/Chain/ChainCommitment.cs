namespace PaymentAudit.Core.Chain;

/// <summary>
/// A position a chain is known to have reached, recorded outside the table: the record at
/// <paramref name="Seq"/> had hash <paramref name="Hash"/>, as <paramref name="Source"/> says.
/// </summary>
/// <param name="Seq">The committed position.</param>
/// <param name="Hash">The record's hash at that position.</param>
/// <param name="Source">What committed it, for reports: the history index manifest, or a signed digest's object key.</param>
/// <param name="At">
/// When it was committed, if known (a digest's time). A copy of the table taken after that time
/// must hold the committed record; a copy taken before may legitimately end earlier.
/// </param>
public sealed record ChainCommitment(long Seq, string Hash, string Source, DateTimeOffset? At = null);
