using System.Globalization;

namespace PaymentAudit.Core.Validation;

/// <summary>Strict RFC 3339 UTC date-times, as the contract's <c>occurredAt</c> requires.</summary>
public static class Rfc3339
{
    /// <summary>The fixed-width round-trip form stored in the <c>timestamp</c> attribute, so that timestamps sort as text.</summary>
    public const string SortableFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// Parses <c>YYYY-MM-DDTHH:MM:SS[.fraction]Z</c> (1-9 fractional digits; digits beyond the
    /// 100 ns tick are dropped). Offsets other than Z, lowercase separators, leap seconds and year 0000 are refused.
    /// </summary>
    public static bool TryParseUtc(string text, out DateTime value) => TryParseUtc(text.AsSpan(), out value);

    /// <summary>Parses <paramref name="text"/> as <see cref="TryParseUtc(string, out DateTime)"/> does.</summary>
    internal static bool TryParseUtc(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length < 20 || text.Length > 30 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        long fractionTicks = 0;
        if (text.Length > 20)
        {
            if (text[19] != '.' || text.Length == 21)
            {
                return false;
            }

            var fraction = text.Slice(20, text.Length - 21);
            if (fraction.Length > 9)
            {
                return false;
            }

            long scale = 1_000_000;
            for (var i = 0; i < fraction.Length; i++)
            {
                if (!char.IsAsciiDigit(fraction[i]))
                {
                    return false;
                }

                fractionTicks += (fraction[i] - '0') * scale;
                scale /= 10;
            }
        }
        else if (text.Length != 20)
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        return true;
    }

    /// <summary>Formats a UTC instant in <see cref="SortableFormat"/>.</summary>
    public static string ToSortable(DateTime utc) => utc.ToString(SortableFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="ToSortable"/>'s text into <paramref name="destination"/> (28 characters) without a format string.</summary>
    internal static bool TryFormatSortable(DateTime utc, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 28)
        {
            return false;
        }

        var (year, month, day) = utc;
        Digits(destination[..4], year);
        destination[4] = '-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = '-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = 'T';
        Digits(destination.Slice(11, 2), utc.Hour);
        destination[13] = ':';
        Digits(destination.Slice(14, 2), utc.Minute);
        destination[16] = ':';
        Digits(destination.Slice(17, 2), utc.Second);
        destination[19] = '.';
        Digits(destination.Slice(20, 7), utc.Ticks % TimeSpan.TicksPerSecond);
        destination[27] = 'Z';
        written = 28;
        return true;

        static void Digits(Span<char> into, long value)
        {
            for (var i = into.Length - 1; i >= 0; i--)
            {
                into[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
