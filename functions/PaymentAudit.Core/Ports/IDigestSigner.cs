namespace PaymentAudit.Core.Ports;

/// <summary>Signs digests: ECDSA P-256 over a SHA-256 (AWS KMS on AWS, a local key on the emulators).</summary>
public interface IDigestSigner
{
    /// <summary>The signing key's id, stored with each digest.</summary>
    string KeyId { get; }

    /// <summary>The DER-encoded ECDSA signature of <paramref name="sha256"/> (a 32-byte digest, signed as a digest).</summary>
    Task<byte[]> SignAsync(byte[] sha256, CancellationToken cancellationToken);
}
