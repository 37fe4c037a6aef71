using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PaymentAudit.Core.Chain;

/// <summary>hash = SHA-256(canonical body bytes || prevHash as 64 lowercase hex ASCII bytes).</summary>
public static class RecordHasher
{
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    /// <summary>Computes the record hash as lowercase hex.</summary>
    public static string Compute(ReadOnlySpan<byte> canonicalBody, string prevHash)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        if (prevHash.Length != 64)
        {
            throw new ArgumentException("prevHash must be 64 hex characters.", nameof(prevHash));
        }

        // One contiguous buffer lets the one-shot SHA-256 run without creating a hash object.
        var length = canonicalBody.Length + 64;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            canonicalBody.CopyTo(rented);
            Encoding.ASCII.GetBytes(prevHash, rented.AsSpan(canonicalBody.Length, 64));
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// True when the record hash of a body is <paramref name="expectedHex"/>, computed in place and
    /// compared as text without making a string.
    /// </summary>
    /// <param name="buffer">The canonical body in its first <paramref name="bodyLength"/> bytes, with room for 64 more after it (overwritten).</param>
    /// <param name="bodyLength">Length of the body.</param>
    /// <param name="prevHash">The previous record's hash (64 hex characters).</param>
    /// <param name="expectedHex">The stored hash.</param>
    internal static bool Matches(Span<byte> buffer, int bodyLength, string prevHash, string? expectedHex)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        if (prevHash.Length != 64)
        {
            throw new ArgumentException("prevHash must be 64 hex characters.", nameof(prevHash));
        }

        Encoding.ASCII.GetBytes(prevHash, buffer.Slice(bodyLength, 64));

        // A hash object kept per thread costs less per record than the one-shot call, which sets
        // up and frees a native context each time.
        var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(buffer[..(bodyLength + 64)]);
        Span<byte> digest = stackalloc byte[32];
        sha256.GetHashAndReset(digest);
        Span<char> hex = stackalloc char[64];
        Convert.TryToHexStringLower(digest, hex, out _);
        return expectedHex is not null && hex.SequenceEqual(expectedHex);
    }

    /// <summary>Computes the record hash of a body held as a string.</summary>
    public static string Compute(string canonicalBody, string prevHash) =>
        Compute(Encoding.UTF8.GetBytes(canonicalBody), prevHash);
}
