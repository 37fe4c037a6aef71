using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentAudit.Infra.Configuration;

/// <summary>
/// Reads <c>&lt;configDirectory&gt;/&lt;environment&gt;.json</c> and validates it. Fails on the first
/// unknown environment, unknown or missing key, wrong type, or out-of-range value, naming it.
/// </summary>
public sealed class EnvironmentConfigLoader
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly string configDirectory;

    /// <summary>Creates a loader for the files in <paramref name="configDirectory"/>.</summary>
    public EnvironmentConfigLoader(string configDirectory)
    {
        this.configDirectory = configDirectory;
    }

    /// <summary>Environments that have a config file, sorted by name.</summary>
    public IReadOnlyList<string> KnownEnvironments() =>
        Directory.Exists(configDirectory)
            ? [.. Directory.EnumerateFiles(configDirectory, "*.json")
                .Select(path => Path.GetFileNameWithoutExtension(path))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Loads and validates the configuration of <paramref name="environment"/>.</summary>
    /// <exception cref="ConfigurationException">The environment is unknown or its file is invalid.</exception>
    public EnvironmentConfig Load(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var known = KnownEnvironments();
        if (!known.Contains(environment, StringComparer.Ordinal))
        {
            throw new ConfigurationException(
                $"Unknown environment '{environment}': there is no {Path.Combine(configDirectory, environment + ".json")}. " +
                $"Known environments: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}.");
        }

        var path = Path.Combine(configDirectory, environment + ".json");
        EnvironmentConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<EnvironmentConfig>(File.ReadAllText(path), SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{path}: {Describe(e)}", e);
        }

        if (config is null)
        {
            throw new ConfigurationException($"{path}: the file holds null instead of an object.");
        }

        var errors = EnvironmentConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new ConfigurationException($"{path}: {string.Join(" ", errors)}");
        }

        return config with { Name = environment };
    }

    // System.Text.Json names the missing or unmapped property in its message and the position
    // in Path; a reader needs both to find the key in the file.
    private static string Describe(JsonException e) =>
        string.IsNullOrEmpty(e.Path) || e.Path == "$" ? e.Message : $"at {e.Path}: {e.Message}";
}
