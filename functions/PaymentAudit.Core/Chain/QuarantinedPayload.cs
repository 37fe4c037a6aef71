using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// The part of a refused message that is stored with its rejection: the raw text with every card
/// number masked (also ones hidden behind JSON escapes), cut to a size that fits a DynamoDB item.
/// </summary>
/// <param name="Text">The stored text.</param>
/// <param name="Truncated">True when <see cref="Text"/> is a prefix of the masked payload.</param>
/// <param name="Sha256">With <see cref="Truncated"/>: SHA-256 (hex) of the whole masked payload, so the original can be matched.</param>
public sealed record QuarantinedPayload(string Text, bool Truncated, string? Sha256)
{
    /// <summary>
    /// Largest stored payload, in UTF-8 bytes after JSON escaping: with the rest of the record it
    /// stays under DynamoDB's 400 KB item limit. Queue messages are at most 256 KiB, so only a
    /// payload that escapes to much more than it weighs (control characters) is ever cut.
    /// </summary>
    public const int MaxStoredBytes = 300_000;

    /// <summary>Masks and, if needed, truncates <paramref name="raw"/>.</summary>
    public static QuarantinedPayload From(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var masked = MaskCardNumbers(raw);
        var cut = CutIndex(masked);
        return cut == masked.Length
            ? new QuarantinedPayload(masked, false, null)
            : new QuarantinedPayload(masked[..cut], true, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(masked))));
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

    /// <summary>How many characters fit in <see cref="MaxStoredBytes"/> once escaped, never splitting a surrogate pair.</summary>
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
            if (bytes + cost > MaxStoredBytes)
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
