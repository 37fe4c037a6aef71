using System.Globalization;
using System.Text.RegularExpressions;

namespace PaymentAudit.Infra.Configuration;

/// <summary>
/// The period of an EventBridge Scheduler <c>rate(value unit)</c> expression in minutes or hours,
/// e.g. <c>rate(1 minute)</c>, <c>rate(15 minutes)</c>, <c>rate(2 hours)</c>. Days are left out on
/// purpose: alarms derive their window from the period, and CloudWatch evaluates at most a day.
/// </summary>
public static partial class RateExpression
{
    /// <summary>The period of <paramref name="expression"/>, or null when it is not such an expression.</summary>
    public static TimeSpan? PeriodOf(string? expression)
    {
        var match = Pattern().Match(expression ?? "");
        if (!match.Success || !int.TryParse(match.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return null;
        }

        // Scheduler writes the unit in the singular for 1 and in the plural otherwise.
        var unit = match.Groups["unit"].Value;
        if (unit.EndsWith('s') == (value == 1))
        {
            return null;
        }

        return unit.StartsWith("minute", StringComparison.Ordinal) ? TimeSpan.FromMinutes(value) : TimeSpan.FromHours(value);
    }

    [GeneratedRegex(@"^rate\((?<value>[0-9]{1,4}) (?<unit>minutes?|hours?)\)$")]
    private static partial Regex Pattern();
}
