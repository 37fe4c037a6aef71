using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// DynamoDB JSON (the typed form of export data files: <c>{"S":"..."}</c>, <c>{"M":{...}}</c>, ...)
/// to and from the SDK's attribute values. Reading is strict: every value is an object with exactly
/// one member naming a known type, sets are non-empty, <c>NULL</c> is <c>true</c>, numbers are
/// number text, binaries are base64; anything else is a <see cref="FormatException"/> naming the
/// attribute's path.
/// </summary>
internal static class DynamoDbJsonConverter
{
    /// <summary>An item (or a key, or an image): an object of attribute names to typed values.</summary>
    public static Dictionary<string, AttributeValue> ReadItem(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} is not an object of attributes");
        }

        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in item.EnumerateObject())
        {
            if (!result.TryAdd(attribute.Name, ReadValue(attribute.Value, $"{path}.{attribute.Name}")))
            {
                throw new FormatException($"{path} names attribute '{attribute.Name}' twice");
            }
        }

        return result;
    }

    /// <summary>One typed value.</summary>
    public static AttributeValue ReadValue(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} is not a typed value (an object such as {{\"S\":\"...\"}})");
        }

        JsonProperty? only = null;
        foreach (var member in value.EnumerateObject())
        {
            if (only is not null)
            {
                throw new FormatException($"{path} has more than one type ('{only.Value.Name}' and '{member.Name}')");
            }

            only = member;
        }

        if (only is not { } typed)
        {
            throw new FormatException($"{path} has no type");
        }

        var v = typed.Value;
        return typed.Name switch
        {
            "S" => new AttributeValue { S = Text(v, path, "S") },
            "N" => new AttributeValue { N = Number(Text(v, path, "N"), path) },
            "B" => new AttributeValue { B = new MemoryStream(Base64(Text(v, path, "B"), path)) },
            "BOOL" => new AttributeValue { BOOL = Boolean(v, path, "BOOL") },
            "NULL" => Boolean(v, path, "NULL") ? new AttributeValue { NULL = true } : throw new FormatException($"{path}: NULL must be true"),
            "SS" => new AttributeValue { SS = Set(v, path, "SS").ToList() },
            "NS" => new AttributeValue { NS = Set(v, path, "NS").Select(n => Number(n, path)).ToList() },
            "BS" => new AttributeValue { BS = Set(v, path, "BS").Select(b => new MemoryStream(Base64(b, path))).ToList() },
            "M" => new AttributeValue { M = ReadItem(v, path) },
            "L" => v.ValueKind == JsonValueKind.Array
                ? new AttributeValue { L = v.EnumerateArray().Select((e, i) => ReadValue(e, $"{path}[{i}]")).ToList() }
                : throw new FormatException($"{path}: L must be an array"),
            _ => throw new FormatException($"{path} has unknown type '{typed.Name}'"),
        };
    }

    /// <summary>Writes <paramref name="item"/>; with <paramref name="canonical"/>, map members and set elements in ordinal order, so equal items write equal bytes.</summary>
    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item, bool canonical)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartObject();
        foreach (var (name, value) in canonical ? item.OrderBy(a => a.Key, StringComparer.Ordinal) : item.AsEnumerable())
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value, canonical, name);
        }

        writer.WriteEndObject();
    }

    /// <summary>The canonical bytes of <paramref name="item"/> (see <see cref="WriteItem"/>).</summary>
    public static byte[] Canonical(IReadOnlyDictionary<string, AttributeValue> item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteItem(writer, item, canonical: true);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads canonical bytes back (they were written by this class, so they are well formed).</summary>
    public static Dictionary<string, AttributeValue> FromCanonical(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadItem(document.RootElement, "item");
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value, bool canonical, string path)
    {
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.B is not null)
        {
            writer.WriteString("B", Convert.ToBase64String(value.B.ToArray()));
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.NULL is true)
        {
            writer.WriteBoolean("NULL", true);
        }
        else if (value.SS is not null)
        {
            WriteSet(writer, "SS", value.SS, canonical);
        }
        else if (value.NS is not null)
        {
            WriteSet(writer, "NS", value.NS, canonical);
        }
        else if (value.BS is not null)
        {
            WriteSet(writer, "BS", value.BS.Select(b => Convert.ToBase64String(b.ToArray())), canonical);
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            WriteItem(writer, value.M, canonical);
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray("L");
            foreach (var element in value.L)
            {
                WriteValue(writer, element, canonical, path);
            }

            writer.WriteEndArray();
        }
        else
        {
            throw new ArgumentException($"Attribute '{path}' holds no value of any DynamoDB type.", nameof(value));
        }

        writer.WriteEndObject();
    }

    private static void WriteSet(Utf8JsonWriter writer, string type, IEnumerable<string> members, bool canonical)
    {
        writer.WriteStartArray(type);
        foreach (var member in canonical ? members.Order(StringComparer.Ordinal) : members)
        {
            writer.WriteStringValue(member);
        }

        writer.WriteEndArray();
    }

    private static string Text(JsonElement value, string path, string type) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"{path}: {type} must be a string");

    private static bool Boolean(JsonElement value, string path, string type) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"{path}: {type} must be true or false"),
    };

    private static List<string> Set(JsonElement value, string path, string type)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw new FormatException($"{path}: {type} must be a non-empty array of strings");
        }

        return value.EnumerateArray().Select(e => Text(e, path, type)).ToList();
    }

    private static byte[] Base64(string text, string path)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"{path}: binary value is not base64");
        }
    }

    /// <summary>Number text as DynamoDB holds it: an optional minus, digits with an optional fraction, an optional exponent.</summary>
    private static string Number(string text, string path)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits > 0 && i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                exponent++;
            }

            digits = exponent == 0 ? 0 : digits;
        }

        return digits > 0 && i == text.Length
            ? text
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}: '{text}' is not a number"));
    }
}
