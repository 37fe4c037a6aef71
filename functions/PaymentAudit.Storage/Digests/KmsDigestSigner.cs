using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Storage.Digests;

/// <summary>
/// Signs digests with an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY): the 32-byte SHA-256 of
/// the document goes to KMS as a <c>DIGEST</c> message with <c>ECDSA_SHA_256</c>, so KMS signs it
/// without hashing it again, and the DER-encoded signature it returns verifies with the key's
/// public half alone (<see cref="KmsPublicKeys"/>). The private key never leaves KMS.
/// </summary>
public sealed class KmsDigestSigner : IDigestSigner
{
    private readonly IAmazonKeyManagementService _kms;

    /// <summary>Signs with the key <paramref name="keyArn"/>, which is also the <see cref="KeyId"/> stored with each digest.</summary>
    public KmsDigestSigner(IAmazonKeyManagementService kms, string keyArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyArn);
        _kms = kms ?? throw new ArgumentNullException(nameof(kms));
        KeyId = keyArn;
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 32 bytes.</exception>
    /// <exception cref="DigestSigningException">KMS refused or failed, or answered without a signature.</exception>
    public async Task<byte[]> SignAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (sha256.Length != 32)
        {
            throw new ArgumentException($"A SHA-256 digest is 32 bytes, not {sha256.Length}.", nameof(sha256));
        }

        SignResponse response;
        try
        {
            response = await _kms.SignAsync(
                new SignRequest
                {
                    KeyId = KeyId,
                    Message = new MemoryStream(sha256, writable: false),
                    MessageType = MessageType.DIGEST,
                    SigningAlgorithm = SigningAlgorithmSpec.ECDSA_SHA_256,
                },
                cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            throw new DigestSigningException($"KMS could not sign the digest with key {KeyId}: {ex.ErrorCode ?? ex.StatusCode.ToString()}: {ex.Message}", ex);
        }

        if (response.Signature is not { Length: > 0 } signature)
        {
            throw new DigestSigningException($"KMS answered the signing request for key {KeyId} without a signature.");
        }

        return signature.ToArray();
    }
}
