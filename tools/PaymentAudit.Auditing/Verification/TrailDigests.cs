using System.Security.Cryptography;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Auditing.Verification;

/// <summary>Reads an environment's digests and verifies them offline with the signing key's public half.</summary>
public static class TrailDigests
{
    /// <summary>
    /// Lists every digest in <paramref name="store"/> and verifies signatures, links and continuity
    /// at <paramref name="now"/>; the result is what <see cref="VerifyRequest.Digests"/> and the
    /// export verifier hold the chains to.
    /// </summary>
    public static async Task<DigestVerification> LoadAsync(IDigestStore store, ECDsa publicKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var digests = new List<StoredDigest>();
        await foreach (var digest in store.ListAsync(cancellationToken))
        {
            digests.Add(digest);
        }

        return DigestChainVerifier.Verify(digests, publicKey, now);
    }
}
