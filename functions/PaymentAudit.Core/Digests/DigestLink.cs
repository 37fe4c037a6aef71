namespace PaymentAudit.Core.Digests;

/// <summary>What a digest holds of the one before it: so digests form a chain of their own.</summary>
/// <param name="Key">The previous digest's object key.</param>
/// <param name="Sha256">SHA-256 (hex) of its bytes.</param>
/// <param name="Signature">Its signature (base64, DER-encoded ECDSA).</param>
public sealed record DigestLink(string Key, string Sha256, string Signature);
