using System.Text.Json;
using PaymentAudit.Local.Emulators;

namespace PaymentAudit.Local.Configuration;

/// <summary>
/// Reads the values a local run shares with a deployed environment from
/// <c>infra/config/&lt;env&gt;.json</c>, the file the CDK app deploys from.
/// </summary>
public static class DeploymentConfig
{
    /// <summary>The environment whose settings a local run mirrors.</summary>
    public const string LocalMirror = "dev";

    /// <summary>The path of <c>infra/config/<paramref name="environment"/>.json</c> in this repository.</summary>
    public static string PathOf(string environment) => Path.Combine(RepositoryPaths.Root(), "infra", "config", environment + ".json");

    /// <summary>Reads <c>queue.maxReceiveCount</c> from <paramref name="path"/>.</summary>
    /// <exception cref="LocalConfigurationException">The file is missing or the value is absent or not a positive whole number.</exception>
    public static int ReadMaxReceiveCount(string path) => ReadPositiveInt(path, "queue", "maxReceiveCount", "the local queue mirrors it");

    /// <summary>Reads <c>writer.timeoutSeconds</c> (the deployed function's timeout) from <paramref name="path"/>.</summary>
    /// <exception cref="LocalConfigurationException">The file is missing or the value is absent or not a positive whole number.</exception>
    public static TimeSpan ReadWriterTimeout(string path) =>
        TimeSpan.FromSeconds(ReadPositiveInt(path, "writer", "timeoutSeconds", "the local invocation timeout mirrors it"));

    private static int ReadPositiveInt(string path, string section, string name, string why)
    {
        if (!File.Exists(path))
        {
            throw new LocalConfigurationException($"'{path}' is missing: it holds {section}.{name}, and {why}.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.TryGetProperty(section, out var parent)
                && parent.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetInt32(out var number)
                && number > 0)
            {
                return number;
            }
        }
        catch (JsonException ex)
        {
            throw new LocalConfigurationException($"'{path}' is not valid JSON: {ex.Message}", ex);
        }

        throw new LocalConfigurationException($"'{path}' has no positive whole number at {section}.{name}.");
    }
}
