using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PaymentAudit.Core.History;

/// <summary>
/// Spreads keys over a fixed number of buckets, so a query reads the segments of one bucket only.
/// SHA-256 based: stable across processes, releases and languages.
/// </summary>
public static class HistoryBuckets
{
    /// <summary>The bucket of <paramref name="key"/> among <paramref name="bucketCount"/>.</summary>
    public static int Of(string key, int bucketCount)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketCount, 1);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(digest) % (uint)bucketCount);
    }
}
