using Amazon.CDK.AWS.Logs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Maps a configured number of days to CDK's retention value (the config validator allows only these).</summary>
internal static class LogRetention
{
    private static readonly Dictionary<int, RetentionDays> ByDays = new()
    {
        [1] = RetentionDays.ONE_DAY,
        [3] = RetentionDays.THREE_DAYS,
        [5] = RetentionDays.FIVE_DAYS,
        [7] = RetentionDays.ONE_WEEK,
        [14] = RetentionDays.TWO_WEEKS,
        [30] = RetentionDays.ONE_MONTH,
        [60] = RetentionDays.TWO_MONTHS,
        [90] = RetentionDays.THREE_MONTHS,
        [120] = RetentionDays.FOUR_MONTHS,
        [150] = RetentionDays.FIVE_MONTHS,
        [180] = RetentionDays.SIX_MONTHS,
        [365] = RetentionDays.ONE_YEAR,
        [400] = RetentionDays.THIRTEEN_MONTHS,
        [545] = RetentionDays.EIGHTEEN_MONTHS,
        [731] = RetentionDays.TWO_YEARS,
        [1096] = RetentionDays.THREE_YEARS,
        [1827] = RetentionDays.FIVE_YEARS,
        [2192] = RetentionDays.SIX_YEARS,
        [2557] = RetentionDays.SEVEN_YEARS,
        [2922] = RetentionDays.EIGHT_YEARS,
        [3288] = RetentionDays.NINE_YEARS,
        [3653] = RetentionDays.TEN_YEARS,
    };

    public static RetentionDays Of(int days) => ByDays[days];
}
