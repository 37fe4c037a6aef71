using System.Globalization;
using System.Text.RegularExpressions;

namespace PaymentAudit.Auditing.Output;

/// <summary>Times on the command line: RFC 3339 (<c>2026-11-23T09:15:00Z</c>, any offset), a date (<c>2026-11-23</c>, midnight UTC), <c>now</c>, or relative to now (<c>-7d</c>, <c>-12h</c>, <c>-30m</c>, <c>-45s</c>).</summary>
public static partial class TimeArgument
{
    /// <summary>Parses <paramref name="text"/>; relative times count back from <paramref name="now"/>.</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        value = default;
        if (string.Equals(text, "now", StringComparison.OrdinalIgnoreCase))
        {
            value = now;
            return true;
        }

        if (Relative().Match(text) is { Success: true } relative)
        {
            var amount = int.Parse(relative.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var span = relative.Groups["unit"].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
            value = now - span;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        if (text.Length >= 20 && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        error = $"'{text}' is not a time: use RFC 3339 (2026-11-23T09:15:00Z), a date (2026-11-23), 'now', or a time relative to now (-7d, -12h, -30m, -45s)";
        return false;
    }

    [GeneratedRegex("^-(?<amount>[0-9]{1,6})(?<unit>[dhms])$")]
    private static partial Regex Relative();
}
