using System.Globalization;

namespace PaymentAudit.Core.Digests;

/// <summary>Where digests are stored: <c>digests/&lt;env&gt;/YYYY/MM/DD/HHmmss.json</c>, so keys sort by time.</summary>
public static class DigestKeys
{
    /// <summary>The prefix of an environment's digests.</summary>
    public static string PrefixOf(string environment) => $"digests/{environment}/";

    /// <summary>The key of the digest made at <paramref name="time"/>.</summary>
    public static string For(string environment, DateTimeOffset time) =>
        PrefixOf(environment) + time.UtcDateTime.ToString("yyyy'/'MM'/'dd'/'HHmmss", CultureInfo.InvariantCulture) + ".json";

    /// <summary>The key of the pointer to an environment's latest digest.</summary>
    public static string LatestOf(string environment) => PrefixOf(environment) + "latest.json";
}
