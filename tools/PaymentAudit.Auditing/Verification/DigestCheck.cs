namespace PaymentAudit.Auditing.Verification;

/// <summary>What holding the trail to its digests found.</summary>
/// <param name="Read">Digests read.</param>
/// <param name="Verified">Digests whose signature, form and link hold.</param>
/// <param name="Undigested">Records newer than the latest digest of their chain: checked by their links only.</param>
public sealed record DigestCheck(int Read, int Verified, long Undigested);
