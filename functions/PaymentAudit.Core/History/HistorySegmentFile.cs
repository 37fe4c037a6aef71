using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PaymentAudit.Core.History;

/// <summary>
/// The segment file format: gzip-compressed JSON Lines, one <see cref="HistoryRow"/> per line,
/// sorted by key, then time, then position. Plain enough to read with zcat and jq.
/// </summary>
public static class HistorySegmentFile
{
    /// <summary>Encodes <paramref name="rows"/> (already in segment order).</summary>
    public static byte[] Write(IEnumerable<HistoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var newline = "\n"u8.ToArray();
            foreach (var row in rows)
            {
                JsonSerializer.Serialize(gzip, row, HistoryJsonContext.Default.HistoryRow);
                gzip.Write(newline);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a segment's rows, in file order.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a segment.</exception>
    public static IEnumerable<HistoryRow> Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            HistoryRow? row;
            try
            {
                row = JsonSerializer.Deserialize(line, HistoryJsonContext.Default.HistoryRow);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"A history segment line is not a row: {ex.Message}", ex);
            }

            yield return row ?? throw new InvalidDataException("A history segment line is null.");
        }
    }

    /// <summary>SHA-256 (lowercase hex) of a segment's bytes.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
