using System.Text.Json.Nodes;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Tests;

/// <summary>Loader and validator tests; they need no CDK and work on copies of the committed files.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly RepositoryLayout layout = RepositoryLayout.Discover(AppContext.BaseDirectory);
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("paymentaudit-config-");

    public void Dispose() => directory.Delete(recursive: true);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void CommittedConfig_LoadsAndValidates(string environment)
    {
        var config = new EnvironmentConfigLoader(layout.ConfigDirectory).Load(environment);

        config.Name.ShouldBe(environment);
    }

    [Fact]
    public void Load_UnknownEnvironment_FailsNamingItAndTheKnownOnes()
    {
        var error = Should.Throw<ConfigurationException>(() => new EnvironmentConfigLoader(layout.ConfigDirectory).Load("staging"));

        error.Message.ShouldContain("Unknown environment 'staging'");
        error.Message.ShouldContain("dev, prod");
    }

    [Theory]
    [InlineData("account")]
    [InlineData("writer.timeoutSeconds")]
    [InlineData("alarms.email")]
    [InlineData("backup.vaultLockMode")]
    [InlineData("archive.exportSchedule")]
    public void Load_MissingKey_FailsNamingIt(string key)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => Remove(json, key)));

        error.Message.ShouldContain(key.Split('.').Last());
        error.Message.ShouldContain("test.json");
    }

    [Fact]
    public void Load_UnknownKey_FailsNamingIt()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["writer"]!["timeoutSecs"] = 30));

        error.Message.ShouldContain("timeoutSecs");
    }

    [Fact]
    public void Load_WrongType_FailsNamingThePath()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["writer"]!["memoryMiB"] = "lots"));

        error.Message.ShouldContain("$.writer.memoryMiB");
    }

    [Fact]
    public void Load_NullForRequiredValue_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["region"] = null));

        error.Message.ShouldContain("region");
    }

    [Fact]
    public void Load_UnknownLockMode_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["archive"]!["objectLockMode"] = "legal-hold"));

        error.Message.ShouldContain("objectLockMode");
    }

    [Theory]
    [InlineData("writer", "logRetentionDays", 31, "writer.logRetentionDays")]
    [InlineData("writer", "timeoutSeconds", 901, "writer.timeoutSeconds")]
    [InlineData("writer", "maxConcurrency", 1, "writer.maxConcurrency")]
    [InlineData("queue", "maxReceiveCount", 0, "queue.maxReceiveCount")]
    [InlineData("archive", "objectLockRetentionDays", 0, "archive.objectLockRetentionDays")]
    public void Load_OutOfRangeValue_FailsNamingTheKey(string section, string key, int value, string expectedKey)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json[section]![key] = value));

        error.Message.ShouldContain($"'{expectedKey}'");
    }

    [Fact]
    public void Load_ComplianceVaultLockWithoutGracePeriod_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["backup"]!["vaultLockMode"] = "compliance";
            json["backup"]!["vaultLockChangeableForDays"] = null;
        }));

        error.Message.ShouldContain("'backup.vaultLockChangeableForDays'");
    }

    [Fact]
    public void Load_InvalidEmail_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["alarms"]!["email"] = "oncall"));

        error.Message.ShouldContain("'alarms.email'");
    }

    private EnvironmentConfig LoadVariant(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(layout.ConfigDirectory, "dev.json")))!.AsObject();
        change(json);
        File.WriteAllText(Path.Combine(directory.FullName, "test.json"), json.ToJsonString());
        return new EnvironmentConfigLoader(directory.FullName).Load("test");
    }

    private static void Remove(JsonObject json, string dottedKey)
    {
        var parts = dottedKey.Split('.');
        var parent = parts[..^1].Aggregate(json, (node, part) => node[part]!.AsObject());
        parent.Remove(parts[^1]).ShouldBeTrue();
    }
}
