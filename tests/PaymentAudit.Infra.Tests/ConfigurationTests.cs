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
    [InlineData("archive.incrementalExportSchedule")]
    [InlineData("archive.fullExportSchedule")]
    [InlineData("archive.exportStagingRetentionDays")]
    [InlineData("writer.reservedConcurrency")]
    [InlineData("alarms.conflictingDuplicates")]
    [InlineData("alarms.failedEvents")]
    [InlineData("table.deletionProtection")]
    [InlineData("access.auditorPrincipals")]
    [InlineData("access.operatorPrincipals")]
    [InlineData("indexer")]
    [InlineData("indexer.memoryMiB")]
    [InlineData("indexer.timeoutSeconds")]
    [InlineData("indexer.logRetentionDays")]
    [InlineData("indexer.schedule")]
    [InlineData("indexer.historyBuckets")]
    [InlineData("alarms.indexerErrors")]
    [InlineData("alarms.indexProblems")]
    [InlineData("digests")]
    [InlineData("digests.memoryMiB")]
    [InlineData("digests.timeoutSeconds")]
    [InlineData("digests.logRetentionDays")]
    [InlineData("digests.periodMinutes")]
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
    [InlineData("writer", "reservedConcurrency", 1001, "writer.reservedConcurrency")]
    [InlineData("alarms", "failedEvents", -1, "alarms.failedEvents")]
    [InlineData("archive", "exportStagingRetentionDays", 6, "archive.exportStagingRetentionDays")]
    [InlineData("indexer", "memoryMiB", 64, "indexer.memoryMiB")]
    [InlineData("indexer", "timeoutSeconds", 0, "indexer.timeoutSeconds")]
    [InlineData("indexer", "logRetentionDays", 31, "indexer.logRetentionDays")]
    [InlineData("indexer", "historyBuckets", 0, "indexer.historyBuckets")]
    [InlineData("indexer", "historyBuckets", 257, "indexer.historyBuckets")]
    [InlineData("alarms", "indexerErrors", -1, "alarms.indexerErrors")]
    [InlineData("alarms", "indexProblems", -1, "alarms.indexProblems")]
    [InlineData("digests", "memoryMiB", 127, "digests.memoryMiB")]
    [InlineData("digests", "memoryMiB", 10_241, "digests.memoryMiB")]
    [InlineData("digests", "timeoutSeconds", 0, "digests.timeoutSeconds")]
    [InlineData("digests", "logRetentionDays", 31, "digests.logRetentionDays")]
    [InlineData("digests", "periodMinutes", 0, "digests.periodMinutes")]
    [InlineData("digests", "periodMinutes", 9, "digests.periodMinutes")]
    [InlineData("digests", "periodMinutes", 721, "digests.periodMinutes")]
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

    [Theory]
    [InlineData("arn:aws:iam::111111111111:root")]
    [InlineData("arn:aws:iam::111111111111:user/*")]
    [InlineData("arn:aws:iam::1111:user/jane")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/Auditor/jane")]
    [InlineData("jane")]
    public void Load_MalformedAuditorPrincipal_FailsNamingFileKeyAndIndex(string principal)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
            json["access"]!["auditorPrincipals"] = new JsonArray("arn:aws:iam::111111111111:user/jane", principal)));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'access.auditorPrincipals[1]'");
        error.Message.ShouldContain(principal);
    }

    [Fact]
    public void Load_NoAuditorPrincipal_FailsNamingTheKey()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["access"]!["auditorPrincipals"] = new JsonArray()));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'access.auditorPrincipals' must list at least one");
    }

    [Fact]
    public void Load_NullAuditorPrincipal_FailsNamingTheIndex()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
            json["access"]!["auditorPrincipals"] = new JsonArray("arn:aws:iam::111111111111:user/jane", null)));

        error.Message.ShouldContain("access.auditorPrincipals");
    }

    [Fact]
    public void Load_DuplicateAuditorPrincipal_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
            json["access"]!["auditorPrincipals"] = new JsonArray("arn:aws:iam::111111111111:user/jane", "arn:aws:iam::111111111111:user/jane")));

        error.Message.ShouldContain("'access.auditorPrincipals[1]'");
    }

    [Theory]
    [InlineData("arn:aws:iam::222222222222:user/jane")]
    [InlineData("arn:aws:iam::111111111111:role/Auditors")]
    [InlineData("arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Auditor_0123456789abcdef")]
    public void Load_UserOrRoleArn_IsAValidAuditorPrincipal(string principal)
    {
        var config = LoadVariant(json => json["access"]!["auditorPrincipals"] = new JsonArray(principal));

        config.Access.AuditorPrincipals.ShouldBe([principal]);
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:root")]
    [InlineData("arn:aws:iam::111111111111:role/*")]
    [InlineData("arn:aws:iam::1111:user/jane")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/Operator/jane")]
    [InlineData("jane")]
    public void Load_MalformedOperatorPrincipal_FailsNamingFileKeyAndIndex(string principal)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
            json["access"]!["operatorPrincipals"] = new JsonArray("arn:aws:iam::111111111111:user/omar", principal)));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'access.operatorPrincipals[1]'");
        error.Message.ShouldContain(principal);
    }

    [Fact]
    public void Load_NoOperatorPrincipal_FailsNamingFileAndKey()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["access"]!["operatorPrincipals"] = new JsonArray()));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'access.operatorPrincipals' must list at least one IAM user or role ARN (the operator role trusts nobody else)");
    }

    [Fact]
    public void Load_NullOperatorPrincipal_FailsNamingTheKey()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
            json["access"]!["operatorPrincipals"] = new JsonArray("arn:aws:iam::111111111111:user/omar", null)));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("access.operatorPrincipals");
    }

    [Fact]
    public void Load_DuplicateOperatorPrincipal_FailsNamingFileKeyAndIndex()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
            json["access"]!["operatorPrincipals"] = new JsonArray("arn:aws:iam::111111111111:user/omar", "arn:aws:iam::111111111111:user/omar")));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'access.operatorPrincipals[1]'");
    }

    [Theory]
    [InlineData("arn:aws:iam::222222222222:user/omar")]
    [InlineData("arn:aws:iam::111111111111:role/Operators")]
    [InlineData("arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Operator_0123456789abcdef")]
    public void Load_UserOrRoleArn_IsAValidOperatorPrincipal(string principal)
    {
        var config = LoadVariant(json => json["access"]!["operatorPrincipals"] = new JsonArray(principal));

        config.Access.OperatorPrincipals.ShouldBe([principal]);
    }

    [Fact]
    public void Load_NoAuditorPrincipal_NamesTheAuditorRole()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["access"]!["auditorPrincipals"] = new JsonArray()));

        error.Message.ShouldContain("(the auditor role trusts nobody else)");
        error.Message.ShouldNotContain("access.operatorPrincipals");
    }

    [Fact]
    public void Load_ReservedConcurrencyBelowTheEventSourceMaximum_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["writer"]!["maxConcurrency"] = 10;
            json["writer"]!["reservedConcurrency"] = 5;
        }));

        error.Message.ShouldContain("'writer.reservedConcurrency' must be at least writer.maxConcurrency");
    }

    [Theory]
    [InlineData("cron(0 */6 * * ? *)")]
    [InlineData("cron(30 0 * * ? *)")]
    [InlineData("cron(0 3 ? * MON *)")]
    [InlineData("rate(1 day)")]
    public void Load_IncrementalScheduleNotDailyAfterOneAm_Fails(string expression)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["archive"]!["incrementalExportSchedule"] = expression));

        error.Message.ShouldContain("'archive.incrementalExportSchedule'");
    }

    [Theory]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("rate(1 day)")]
    [InlineData("rate(13 hours)")]
    [InlineData("rate(0 minutes)")]
    [InlineData("rate(15 minute)")]
    [InlineData("rate(1 minutes)")]
    [InlineData("rate(15 Minutes)")]
    [InlineData("rate(15minutes)")]
    public void Load_IndexerScheduleNotARateBetweenOneMinuteAndTwelveHours_FailsNamingFileAndKey(string expression)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["indexer"]!["schedule"] = expression));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'indexer.schedule' must be a rate expression");
    }

    [Theory]
    [InlineData("rate(1 minute)", 60)]
    [InlineData("rate(15 minutes)", 300)]
    [InlineData("rate(1 hour)", 900)]
    [InlineData("rate(12 hours)", 900)]
    public void Load_IndexerRateWithATimeoutWithinItsPeriod_IsValid(string expression, int timeoutSeconds)
    {
        var config = LoadVariant(json =>
        {
            json["indexer"]!["schedule"] = expression;
            json["indexer"]!["timeoutSeconds"] = timeoutSeconds;
        });

        config.Indexer.Schedule.ShouldBe(expression);
    }

    [Fact]
    public void Load_IndexerTimeoutLongerThanItsSchedulePeriod_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["indexer"]!["schedule"] = "rate(5 minutes)";
            json["indexer"]!["timeoutSeconds"] = 301;
        }));

        error.Message.ShouldContain("'indexer.timeoutSeconds' must not exceed the period of indexer.schedule (300 s)");
    }

    [Theory]
    [InlineData(10, 600)]
    [InlineData(60, 120)]
    [InlineData(720, 900)]
    public void Load_DigestPeriodWithATimeoutWithinIt_IsValid(int periodMinutes, int timeoutSeconds)
    {
        var config = LoadVariant(json =>
        {
            json["digests"]!["periodMinutes"] = periodMinutes;
            json["digests"]!["timeoutSeconds"] = timeoutSeconds;
        });

        config.Digests.PeriodMinutes.ShouldBe(periodMinutes);
    }

    [Fact]
    public void Load_DigestTimeoutLongerThanItsPeriod_FailsNamingFileAndKey()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["digests"]!["periodMinutes"] = 10;
            json["digests"]!["timeoutSeconds"] = 601;
        }));

        error.Message.ShouldContain("test.json");
        error.Message.ShouldContain("'digests.timeoutSeconds' must not exceed digests.periodMinutes (600 s)");
    }

    [Fact]
    public void Load_DigestPeriodOutOfRange_ExplainsTheLimits()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json => json["digests"]!["periodMinutes"] = 1440));

        error.Message.ShouldContain("'digests.periodMinutes' must be between 10 and 720");
        error.Message.ShouldNotContain("digests.timeoutSeconds");
    }

    [Theory]
    [InlineData("backup", "vaultLockMode", "'backup.vaultLockMode'")]
    [InlineData("archive", "objectLockMode", "'archive.objectLockMode'")]
    public void Load_ComplianceLockInAStackThatDeletesItsData_Fails(string section, string key, string expectedKey)
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["retainDataOnDelete"] = false;
            json[section]![key] = "compliance";
            json["backup"]!["vaultLockChangeableForDays"] = section == "backup" ? 3 : null;
            json["archive"]!["objectLockRetentionDays"] = section == "archive" ? 30 : null;
        }));

        error.Message.ShouldContain(expectedKey + " must not be compliance when retainDataOnDelete is false");
    }

    [Fact]
    public void Load_NoObjectLockWithRetentionDays_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["archive"]!["objectLockMode"] = "none";
            json["archive"]!["objectLockRetentionDays"] = 30;
        }));

        error.Message.ShouldContain("'archive.objectLockRetentionDays' must be null when archive.objectLockMode is none");
    }

    [Fact]
    public void Load_ObjectLockWithoutRetentionDays_Fails()
    {
        var error = Should.Throw<ConfigurationException>(() => LoadVariant(json =>
        {
            json["archive"]!["objectLockMode"] = "governance";
            json["archive"]!["objectLockRetentionDays"] = null;
        }));

        error.Message.ShouldContain("'archive.objectLockRetentionDays' must be at least 1");
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
