using System.Globalization;
using System.Text;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Formats an IEEE 754 double the way ECMAScript's Number.prototype.toString does, which is the
/// number serialization RFC 8785 requires. .NET's round-trip format already yields the shortest
/// digit string that round-trips; only its layout (fixed versus exponent form) differs.
/// </summary>
public static class EcmaScriptNumberFormatter
{
    /// <summary>Formats <paramref name="value"/>; NaN and infinities have no JSON form and throw.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and Infinity cannot be represented in JSON.");
        }

        if (value == 0)
        {
            return "0";
        }

        var (negative, digits, exponent) = Decompose(value);
        var n = exponent;
        var k = digits.Length;
        var text = new StringBuilder(k + 8);
        if (negative)
        {
            text.Append('-');
        }

        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            var e = n - 1;
            text.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// Splits a non-zero finite double into sign, shortest significant digits (no leading or
    /// trailing zeros) and the decimal exponent n such that value = 0.digits × 10^n.
    /// </summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);

        // "R" gives the shortest round-tripping digits, either as "123.45" or "1.2345E+25".
        var mantissa = shortest;
        var exponentPart = 0;
        var ePosition = shortest.IndexOf('E', StringComparison.Ordinal);
        if (ePosition >= 0)
        {
            mantissa = shortest[..ePosition];
            exponentPart = int.Parse(shortest.AsSpan(ePosition + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point >= 0 ? mantissa[..point] : mantissa;
        var fractionDigits = point >= 0 ? mantissa[(point + 1)..] : string.Empty;
        var all = integerDigits + fractionDigits;
        var exponent = integerDigits.Length + exponentPart;

        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        exponent -= leading;
        all = all.TrimEnd('0');
        return (value < 0, all, exponent);
    }
}
