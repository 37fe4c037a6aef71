using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using PaymentAudit.Core.Canonical;

namespace PaymentAudit.Core.Digests;

/// <summary>A digest document's RFC 8785 canonical bytes, and reading them back.</summary>
public static class DigestDocumentFile
{
    /// <summary>The canonical bytes of <paramref name="document"/> (members in canonical order, chains by id).</summary>
    public static byte[] Write(DigestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>(256 + (document.Chains.Count * 160));
        var w = new CanonicalJsonWriter(buffer);
        w.StartObject();
        w.WritePropertyName("chains");
        w.StartArray();
        foreach (var chain in document.Chains.OrderBy(c => c.ChainId, StringComparer.Ordinal))
        {
            w.StartObject();
            w.WriteString("chainId", chain.ChainId);
            w.WriteString("hash", chain.Hash);
            w.WritePropertyName("moved");
            w.WriteBoolean(chain.Moved);
            w.WriteNumber("seq", chain.Seq);
            w.EndObject();
        }

        w.EndArray();
        w.WriteString("digestTime", document.DigestTime);
        w.WriteString("environment", document.Environment);
        w.WriteNumber("format", document.Format);
        w.WriteNumber("periodSeconds", document.PeriodSeconds);
        w.WritePropertyName("previous");
        if (document.Previous is { } previous)
        {
            w.StartObject();
            w.WriteString("key", previous.Key);
            w.WriteString("sha256", previous.Sha256);
            w.WriteString("signature", previous.Signature);
            w.EndObject();
        }
        else
        {
            w.WriteNull();
        }

        w.WriteString("tableArn", document.TableArn);
        w.EndObject();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a document; null with a reason when the bytes are not a canonical digest of a known format.</summary>
    public static DigestDocument? TryRead(byte[] bytes, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            var format = root.GetProperty("format").GetInt32();
            if (format != DigestDocument.CurrentFormat)
            {
                problem = $"digest format {format} is not one this release reads";
                return null;
            }

            var previous = root.GetProperty("previous") is { ValueKind: JsonValueKind.Object } link
                ? new DigestLink(link.GetProperty("key").GetString()!, link.GetProperty("sha256").GetString()!, link.GetProperty("signature").GetString()!)
                : null;
            var chains = root.GetProperty("chains").EnumerateArray()
                .Select(c => new DigestedChain(c.GetProperty("chainId").GetString()!, c.GetProperty("seq").GetInt64(), c.GetProperty("hash").GetString()!, c.GetProperty("moved").GetBoolean()))
                .ToList();
            var document = new DigestDocument(
                format,
                root.GetProperty("environment").GetString()!,
                root.GetProperty("tableArn").GetString()!,
                root.GetProperty("digestTime").GetString()!,
                root.GetProperty("periodSeconds").GetInt64(),
                previous,
                chains);
            if (!Write(document).AsSpan().SequenceEqual(bytes))
            {
                problem = "digest is not in the canonical form it was signed in";
                return null;
            }

            return document;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problem = $"digest is not a readable document ({ex.GetType().Name})";
            return null;
        }
    }

    /// <summary>SHA-256 of a digest's bytes: what is signed.</summary>
    public static byte[] Hash(byte[] document) => SHA256.HashData(document);
}
