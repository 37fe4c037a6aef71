using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using PaymentAudit.Core.Digests;

namespace PaymentAudit.Storage.Digests;

/// <summary>
/// Reads a digest signing key's public half from KMS (<c>GetPublicKey</c>, SubjectPublicKeyInfo DER),
/// so digests can then be verified offline without any further KMS call.
/// </summary>
public static class KmsPublicKeys
{
    /// <summary>The public key of <paramref name="keyId"/> (a key ARN, key id or alias).</summary>
    /// <exception cref="DigestSigningException">KMS refused or failed, or the key is not an ECC_NIST_P256 signing key.</exception>
    public static async Task<ECDsa> GetAsync(IAmazonKeyManagementService kms, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kms);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        GetPublicKeyResponse response;
        try
        {
            response = await kms.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = keyId }, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            throw new DigestSigningException($"KMS could not return the public key of {keyId}: {ex.ErrorCode ?? ex.StatusCode.ToString()}: {ex.Message}", ex);
        }

        if (response.KeySpec != KeySpec.ECC_NIST_P256 || response.KeyUsage != KeyUsageType.SIGN_VERIFY)
        {
            throw new DigestSigningException(
                $"Key {keyId} is a {response.KeySpec?.Value ?? "?"} {response.KeyUsage?.Value ?? "?"} key; digests are signed with an ECC_NIST_P256 SIGN_VERIFY key.");
        }

        if (response.PublicKey is not { Length: > 0 } der)
        {
            throw new DigestSigningException($"KMS returned no public key for {keyId}.");
        }

        try
        {
            return DigestSignatures.FromSubjectPublicKeyInfo(der.ToArray());
        }
        catch (CryptographicException ex)
        {
            throw new DigestSigningException($"The public key KMS returned for {keyId} is not a SubjectPublicKeyInfo DER document.", ex);
        }
    }
}
