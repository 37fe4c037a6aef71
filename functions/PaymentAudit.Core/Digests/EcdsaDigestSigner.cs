using System.Security.Cryptography;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Core.Digests;

/// <summary>
/// Signs with an ECDSA P-256 key held in this process (the local pipeline's key; on AWS the key
/// never leaves KMS). Signatures are DER-encoded, as KMS's <c>ECDSA_SHA_256</c> returns them, so one
/// verifier serves both.
/// </summary>
public sealed class EcdsaDigestSigner : IDigestSigner, IDisposable
{
    private readonly ECDsa _key;

    /// <summary>Signs with <paramref name="key"/>, reporting <paramref name="keyId"/>.</summary>
    public EcdsaDigestSigner(ECDsa key, string keyId)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        KeyId = keyId;
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <summary>Loads a PEM private key from <paramref name="path"/>, creating a new P-256 key there when the file does not exist.</summary>
    public static EcdsaDigestSigner LoadOrCreate(string path, string keyId)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new EcdsaDigestSigner(key, keyId);
    }

    /// <summary>The public key in PEM (SubjectPublicKeyInfo), as <c>verify --digests --public-key</c> reads it.</summary>
    public string PublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <inheritdoc />
    public Task<byte[]> SignAsync(byte[] sha256, CancellationToken cancellationToken) =>
        Task.FromResult(_key.SignHash(sha256, DSASignatureFormat.Rfc3279DerSequence));

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
