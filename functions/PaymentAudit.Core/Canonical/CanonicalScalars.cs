using System.Buffers;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Strings and numbers in the form RFC 8785 gives them, as far as a reader can settle it without
/// re-writing: strings escaped exactly as JSON.stringify escapes them, numbers as plain integers.
/// </summary>
internal static class CanonicalScalars
{
    /// <summary>What ends a run of plain string bytes: the closing quote, an escape, or a control character (invalid unescaped).</summary>
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    /// <summary>
    /// Where the string whose content starts at <paramref name="start"/> (after its opening quote)
    /// has its closing quote; -1 when the string is not in canonical form (a raw control character,
    /// an escape JSON.stringify would not write) or does not end.
    /// </summary>
    public static int StringEnd(ReadOnlySpan<byte> json, int start, out bool escaped)
    {
        escaped = false;
        var p = start;
        while (true)
        {
            p = IndexOfSpecial(json, p);
            if (p < 0)
            {
                return -1;
            }

            var b = json[p];
            if (b == (byte)'"')
            {
                return p;
            }

            var escape = b == (byte)'\\' ? EscapeLength(json[p..]) : 0;
            if (escape == 0)
            {
                return -1;
            }

            escaped = true;
            p += escape;
        }
    }

    /// <summary>
    /// Where the integer starting at <paramref name="start"/> ends, when it is -?(0|[1-9][0-9]{0,14}):
    /// an integer whose ECMAScript form is its own (exact within 2^53); -1 otherwise. What follows it
    /// is the caller's to check (a fraction or an exponent is not settled here).
    /// </summary>
    public static int IntegerEnd(ReadOnlySpan<byte> json, int start, out long value)
    {
        value = 0;
        var p = start;
        var negative = p < json.Length && json[p] == (byte)'-';
        if (negative)
        {
            p++;
        }

        var first = p;
        while (p < json.Length && (uint)(json[p] - '0') <= 9)
        {
            if (p - first == 15)
            {
                return -1;
            }

            value = (value * 10) + (json[p] - '0');
            p++;
        }

        var digits = p - first;
        if (digits == 0 || (json[first] == (byte)'0' && (digits > 1 || negative)))
        {
            return -1;
        }

        if (negative)
        {
            value = -value;
        }

        return p;
    }

    /// <summary>Where the next quote, backslash or control character is, from <paramref name="from"/> on; -1 if none.</summary>
    private static int IndexOfSpecial(ReadOnlySpan<byte> json, int from)
    {
        // Most strings are short ids: look at their first bytes one by one before a vectorized search.
        var limit = Math.Min(json.Length, from + 16);
        for (var p = from; p < limit; p++)
        {
            if (json[p] is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return p;
            }
        }

        var rest = json[limit..].IndexOfAny(StringSpecials);
        return rest < 0 ? -1 : limit + rest;
    }

    /// <summary>
    /// Length of the escape at the start of <paramref name="escape"/> when JSON.stringify writes it so:
    /// \" \\ \b \f \n \r \t, and \u00xx (lowercase hex) for the other control characters; else 0.
    /// </summary>
    private static int EscapeLength(ReadOnlySpan<byte> escape)
    {
        if (escape.Length < 2)
        {
            return 0;
        }

        switch (escape[1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u' when escape.Length >= 6 && escape[2] == (byte)'0' && escape[3] == (byte)'0' && escape[4] is (byte)'0' or (byte)'1' && IsLowerHex(escape[5]):
                var value = ((escape[4] - '0') << 4) | HexValue(escape[5]);

                // These have a short form, which is the canonical one.
                return value is 0x08 or 0x09 or 0x0A or 0x0C or 0x0D ? 0 : 6;
            default:
                return 0;
        }
    }

    private static bool IsLowerHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f');

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : b - 'a' + 10;
}
