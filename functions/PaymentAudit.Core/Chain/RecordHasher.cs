using System.Security.Cryptography;
using System.Text;

namespace PaymentAudit.Core.Chain;

/// <summary>hash = SHA-256(canonical body bytes || prevHash as 64 lowercase hex ASCII bytes).</summary>
public static class RecordHasher
{
    /// <summary>Computes the record hash as lowercase hex.</summary>
    public static string Compute(ReadOnlySpan<byte> canonicalBody, string prevHash)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        if (prevHash.Length != 64)
        {
            throw new ArgumentException("prevHash must be 64 hex characters.", nameof(prevHash));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(canonicalBody);
        Span<byte> prev = stackalloc byte[64];
        Encoding.ASCII.GetBytes(prevHash, prev);
        sha.AppendData(prev);
        Span<byte> digest = stackalloc byte[32];
        sha.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Computes the record hash of a body held as a string.</summary>
    public static string Compute(string canonicalBody, string prevHash) =>
        Compute(Encoding.UTF8.GetBytes(canonicalBody), prevHash);
}
