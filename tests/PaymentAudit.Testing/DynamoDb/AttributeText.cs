using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>
/// An unambiguous text of attribute values (type-tagged, length-prefixed, map members in ordinal
/// order), so two keys or two index entries can be compared whichever JSON spelled them.
/// </summary>
internal static class AttributeText
{
    /// <summary>The text of the named attributes of <paramref name="item"/>, in the given order.</summary>
    public static string Of(IReadOnlyDictionary<string, AttributeValue> item, IEnumerable<string> names)
    {
        var text = new StringBuilder();
        foreach (var name in names)
        {
            text.Append(name).Append('=');
            if (item.TryGetValue(name, out var value))
            {
                Append(text, value);
            }

            text.Append(';');
        }

        return text.ToString();
    }

    /// <summary>A SHA-256 of the text of every attribute of <paramref name="item"/>.</summary>
    public static string Digest(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var text = Of(item, item.Keys.Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static void Append(StringBuilder text, AttributeValue value)
    {
        if (value.S is not null)
        {
            Tagged(text, "S", value.S);
        }
        else if (value.N is not null)
        {
            Tagged(text, "N", value.N);
        }
        else if (value.B is not null)
        {
            Tagged(text, "B", Convert.ToBase64String(value.B.ToArray()));
        }
        else if (value.BOOL.HasValue)
        {
            Tagged(text, "BOOL", value.BOOL.Value ? "1" : "0");
        }
        else if (value.NULL.HasValue)
        {
            Tagged(text, "NULL", "1");
        }
        else if (value.SS is not null)
        {
            Members(text, "SS", value.SS.Order(StringComparer.Ordinal));
        }
        else if (value.NS is not null)
        {
            Members(text, "NS", value.NS.Order(StringComparer.Ordinal));
        }
        else if (value.BS is not null)
        {
            Members(text, "BS", value.BS.Select(b => Convert.ToBase64String(b.ToArray())).Order(StringComparer.Ordinal));
        }
        else if (value.M is not null)
        {
            text.Append("M{");
            foreach (var (name, member) in value.M.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                Tagged(text, "K", name);
                Append(text, member);
            }

            text.Append('}');
        }
        else if (value.L is not null)
        {
            text.Append("L[");
            foreach (var element in value.L)
            {
                Append(text, element);
            }

            text.Append(']');
        }
    }

    private static void Members(StringBuilder text, string tag, IEnumerable<string> members)
    {
        text.Append(tag).Append('[');
        foreach (var member in members)
        {
            Tagged(text, "E", member);
        }

        text.Append(']');
    }

    private static void Tagged(StringBuilder text, string tag, string value) =>
        text.Append(tag).Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
}
