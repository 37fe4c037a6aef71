namespace PaymentAudit.Core.Digests;

/// <summary>A digest as stored: its object key, canonical bytes, signature and signing key id.</summary>
/// <param name="Key">Object key, <c>digests/&lt;env&gt;/YYYY/MM/DD/HHmmss.json</c>.</param>
/// <param name="Document">The canonical JSON bytes.</param>
/// <param name="Signature">DER-encoded ECDSA P-256 signature of the SHA-256 of <paramref name="Document"/>.</param>
/// <param name="KeyId">The signing key's id (a KMS key ARN, or the local key's name).</param>
public sealed record StoredDigest(string Key, byte[] Document, byte[] Signature, string KeyId);
