using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// What is kept of a refused message. Card numbers are masked first, everywhere (also behind JSON
/// escapes); the record then holds a bounded preview, the size and the SHA-256 of the whole masked
/// payload, so a misbehaving sender cannot make one record cost more than a few write units. A
/// payload longer than the preview is archived whole (<see cref="Masked"/>) under its SHA-256.
/// </summary>
/// <param name="Preview">The masked payload, cut to at most <see cref="PreviewMaxBytes"/> once JSON-escaped.</param>
/// <param name="PreviewTruncated">True when <see cref="Preview"/> is a prefix; the whole payload is then archived.</param>
/// <param name="PayloadBytes">UTF-8 size of the whole masked payload.</param>
/// <param name="Sha256">SHA-256 (lowercase hex) of the whole masked payload: the archived object's name and checksum.</param>
/// <param name="ActorId">The sender's <c>actor.id</c> when the payload is JSON and it can be read, so the sender still shows on its actor's timeline.</param>
/// <param name="Masked">The whole masked payload (what the archive stores).</param>
public sealed record QuarantinedPayload(string Preview, bool PreviewTruncated, int PayloadBytes, string Sha256, string? ActorId, string Masked)
{
    /// <summary>
    /// Largest preview, in UTF-8 bytes after JSON escaping. With the rest of the record (reason,
    /// keys, hashes, seed attributes) a quarantined record stays within 3 KB, i.e. 3 write units.
    /// </summary>
    public const int PreviewMaxBytes = 2_048;

    /// <summary>Masks <paramref name="raw"/> and derives the preview, size, hash and actor.</summary>
    public static QuarantinedPayload From(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var masked = WithoutLoneSurrogates(MaskCardNumbers(raw));
        var bytes = Encoding.UTF8.GetBytes(masked);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var cut = CutIndex(masked);
        return new QuarantinedPayload(masked[..cut], cut < masked.Length, bytes.Length, sha256, TryReadActorId(masked), masked);
    }

    private static string MaskCardNumbers(string raw)
    {
        var masked = CardNumberDetector.Mask(raw).Masked;
        if (!masked.Contains('\\', StringComparison.Ordinal))
        {
            return masked;
        }

        try
        {
            using var document = JsonDocument.Parse(masked);
            if (!AuditEventValidator.StringsContainCardNumber(document.RootElement))
            {
                return masked;
            }

            // A card number hidden behind escapes: store the JSON re-written with its decoded
            // strings masked. Same content, different spelling; nothing of the number survives.
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteMasked(document.RootElement, writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON (or not decodable): escapes mean nothing there and the raw mask applies.
            return masked;
        }
    }

    private static void WriteMasked(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(CardNumberDetector.Mask(member.Name).Masked);
                    WriteMasked(member.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteMasked(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(CardNumberDetector.Mask(element.GetString()!).Masked);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>
    /// Replaces unpaired UTF-16 surrogates with U+FFFD: they have no UTF-8 form (the archive
    /// would store U+FFFD anyway) and no RFC 8785 canonical form (the body could not be hashed).
    /// </summary>
    private static string WithoutLoneSurrogates(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static string? TryReadActorId(string payload)
    {
        // Only JSON objects can name an actor; skip the parse for anything else (junk can be 256 KiB).
        var start = payload.AsSpan().TrimStart();
        if (start.IsEmpty || start[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("actor", out var actor)
                && actor.ValueKind == JsonValueKind.Object
                && actor.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } value
                && AuditEventValidator.IsIdentifier(value, 128))
            {
                return value;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        return null;
    }

    /// <summary>How many characters fit in <see cref="PreviewMaxBytes"/> once escaped, never splitting a surrogate pair.</summary>
    private static int CutIndex(string text)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var cost = pair ? 4 : c switch
            {
                < (char)0x20 => 6,
                '"' or '\\' => 2,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ => 3,
            };
            if (bytes + cost > PreviewMaxBytes)
            {
                return i;
            }

            bytes += cost;
            if (pair)
            {
                i++;
            }
        }

        return text.Length;
    }
}
