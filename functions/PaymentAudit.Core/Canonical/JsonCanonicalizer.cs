using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// RFC 8785 canonical form of arbitrary JSON: members sorted by their UTF-16 code units,
/// duplicate member names refused, numbers and strings in ECMAScript form.
/// </summary>
public static class JsonCanonicalizer
{
    /// <summary>Returns the canonical UTF-8 bytes of <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">The input is not JSON, repeats a member name, or holds a number or string without canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        try
        {
            Write(document.RootElement, new CanonicalJsonWriter(buffer));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // Numbers outside double's range and lone surrogates have no canonical form.
            throw new JsonException($"The JSON has no canonical form: {ex.Message}", ex);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Returns the canonical form of <paramref name="json"/> as a string.</summary>
    public static string Canonicalize(string json) =>
        Encoding.UTF8.GetString(Canonicalize(Encoding.UTF8.GetBytes(json)));

    /// <summary>Writes the canonical form of <paramref name="element"/>.</summary>
    public static void Write(JsonElement element, CanonicalJsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, writer);
                break;
            case JsonValueKind.Array:
                writer.StartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.EndArray();
                break;
            case JsonValueKind.String:
                writer.WriteString(element.GetString()!);
                break;
            case JsonValueKind.Number:
                var number = element.GetDouble();
                if (!double.IsFinite(number))
                {
                    throw new JsonException("A number outside the IEEE 754 double range has no canonical form.");
                }

                writer.WriteNumber(number);
                break;
            case JsonValueKind.True:
                writer.WriteBoolean(true);
                break;
            case JsonValueKind.False:
                writer.WriteBoolean(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNull();
                break;
            default:
                throw new JsonException($"Unexpected JSON value kind {element.ValueKind}.");
        }
    }

    private static void WriteObject(JsonElement element, CanonicalJsonWriter writer)
    {
        var members = new List<JsonProperty>();
        foreach (var member in element.EnumerateObject())
        {
            members.Add(member);
        }

        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        writer.StartObject();
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0 && string.Equals(members[i].Name, members[i - 1].Name, StringComparison.Ordinal))
            {
                throw new JsonException($"Duplicate member name '{members[i].Name}' has no canonical form.");
            }

            writer.WritePropertyName(members[i].Name);
            Write(members[i].Value, writer);
        }

        writer.EndObject();
    }
}
