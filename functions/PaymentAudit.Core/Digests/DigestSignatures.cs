using System.Security.Cryptography;

namespace PaymentAudit.Core.Digests;

/// <summary>Checks digest signatures offline with the public key alone (KMS's <c>GetPublicKey</c> output, or a PEM file).</summary>
public static class DigestSignatures
{
    /// <summary>A public key from SubjectPublicKeyInfo DER (what KMS <c>GetPublicKey</c> returns).</summary>
    public static ECDsa FromSubjectPublicKeyInfo(byte[] der)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(der, out _);
        return key;
    }

    /// <summary>A public key from PEM text.</summary>
    public static ECDsa FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    /// <summary>True when <paramref name="signature"/> (DER) signs the SHA-256 of <paramref name="document"/> under <paramref name="publicKey"/>.</summary>
    public static bool Verify(ECDsa publicKey, byte[] document, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        try
        {
            return publicKey.VerifyHash(DigestDocumentFile.Hash(document), signature, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
