using System.Buffers;
using System.Text.Json;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Decides in one pass over the bytes, without re-writing them, whether JSON is certainly in RFC 8785
/// canonical form: no whitespace between tokens, member names in increasing order, strings escaped
/// exactly as ECMAScript's JSON.stringify escapes them, integers in plain form. It settles the common
/// case only: a "no" means "not canonical, or a form this check does not settle" (a fraction or an
/// exponent, a non-ASCII or escaped member name), and the exact answer then comes from comparing the
/// bytes with <see cref="JsonCanonicalizer"/>'s output.
/// </summary>
public static class CanonicalFormCheck
{
    private const int MaxDepth = 64;
    private static readonly SearchValues<byte> OutsideStrings = SearchValues.Create("\" \t\n\r"u8);
    private static readonly SearchValues<byte> InsideStrings = SearchValues.Create("\"\\"u8);
    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>True when <paramref name="json"/> is certainly canonical; false when it is not, or when this check cannot tell.</summary>
    public static bool IsCertainlyCanonical(ReadOnlySpan<byte> json) => HasNoInsignificantWhitespace(json) && TokensAreCanonical(json);

    private static bool HasNoInsignificantWhitespace(ReadOnlySpan<byte> json)
    {
        var i = 0;
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(OutsideStrings);
            if (next < 0)
            {
                return true;
            }

            i += next;
            if (json[i] != (byte)'"')
            {
                return false;
            }

            // Inside a string: skip to its closing quote, stepping over escapes.
            i++;
            while (true)
            {
                var special = json[i..].IndexOfAny(InsideStrings);
                if (special < 0)
                {
                    return false;
                }

                i += special;
                if (json[i] == (byte)'"')
                {
                    i++;
                    break;
                }

                i += 2;
                if (i >= json.Length)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool TokensAreCanonical(ReadOnlySpan<byte> json)
    {
        Span<int> nameStart = stackalloc int[MaxDepth + 1];
        Span<int> nameLength = stackalloc int[MaxDepth + 1];
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        nameLength[reader.CurrentDepth + 1] = -1;
                        break;
                    case JsonTokenType.PropertyName:
                        if (reader.ValueIsEscaped || reader.HasValueSequence || !System.Text.Ascii.IsValid(reader.ValueSpan))
                        {
                            return false;
                        }

                        var depth = reader.CurrentDepth;
                        var start = (int)reader.TokenStartIndex + 1;
                        var length = reader.ValueSpan.Length;
                        if (nameLength[depth] >= 0 && json.Slice(nameStart[depth], nameLength[depth]).SequenceCompareTo(reader.ValueSpan) >= 0)
                        {
                            // Out of order, or a name repeated.
                            return false;
                        }

                        nameStart[depth] = start;
                        nameLength[depth] = length;
                        break;
                    case JsonTokenType.String:
                        if (reader.ValueIsEscaped && !EscapesAreCanonical(reader.ValueSpan))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.Number:
                        if (!IsPlainInteger(reader.ValueSpan))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Escapes as JSON.stringify writes them: \" \\ \b \f \n \r \t, and \u00xx (lowercase) for the other control characters only.</summary>
    private static bool EscapesAreCanonical(ReadOnlySpan<byte> raw)
    {
        var i = raw.IndexOf((byte)'\\');
        while (i >= 0)
        {
            if (i + 1 >= raw.Length)
            {
                return false;
            }

            var escaped = raw[i + 1];
            if (escaped is (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                i += 2;
            }
            else if (escaped == (byte)'u' && i + 5 < raw.Length && raw[i + 2] == (byte)'0' && raw[i + 3] == (byte)'0'
                && raw[i + 4] is (byte)'0' or (byte)'1' && IsLowerHex(raw[i + 5]))
            {
                var value = ((raw[i + 4] - '0') << 4) | HexValue(raw[i + 5]);
                if (value is 0x08 or 0x09 or 0x0A or 0x0C or 0x0D)
                {
                    // These have a short form, which is the canonical one.
                    return false;
                }

                i += 6;
            }
            else
            {
                return false;
            }

            var next = raw[i..].IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + next;
        }

        return true;
    }

    /// <summary>-?(0|[1-9][0-9]{0,14}): integers whose ECMAScript form is their own (exact within 2^53).</summary>
    private static bool IsPlainInteger(ReadOnlySpan<byte> number)
    {
        var digits = number is [(byte)'-', ..] ? number[1..] : number;
        if (digits.IsEmpty || digits.Length > 15 || (digits[0] == (byte)'0' && digits.Length > 1) || (digits is [(byte)'0'] && number.Length > 1))
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f');

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : b - 'a' + 10;
}
