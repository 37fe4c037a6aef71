using System.CommandLine;
using PaymentAudit.Cli.Local;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local.Configuration;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Configuration;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Validate_ListsEveryWrongSettingByName()
    {
        var settings = TestSettings.On(70_000, 4566, dataDirectory: " ") with
        {
            ResourcePrefix = "has space",
            MaxReceiveCount = 0,
            VisibilityTimeout = TimeSpan.FromMilliseconds(1500),
            RetryDelay = TimeSpan.FromSeconds(-1),
        };

        var error = Should.Throw<LocalConfigurationException>(() => settings.Validate());

        error.Message.ShouldContain("dynamodb-port");
        error.Message.ShouldContain("resource-prefix");
        error.Message.ShouldContain("max-receive-count");
        error.Message.ShouldContain("visibility-timeout");
        error.Message.ShouldContain("retry-delay");
        error.Message.ShouldContain("data-dir");
    }

    [Fact]
    public void Validate_VisibilityTimeoutUnderSixTimesTheInvocationTimeout_IsRefusedNamingBoth()
    {
        var settings = TestSettings.On(8000, 4566, "data") with { InvocationTimeout = TimeSpan.FromSeconds(30), VisibilityTimeout = TimeSpan.FromSeconds(5) };

        var error = Should.Throw<LocalConfigurationException>(() => settings.Validate());

        error.Message.ShouldContain("visibility-timeout must be at least 6 times invocation-timeout (180 s), not 5 s");
    }

    [Fact]
    public void CliDefaults_MirrorTheDeployedWriterTimeout_WithTheVisibilityTimeoutSixTimesIt()
    {
        var options = new LocalOptions();
        var command = new Command("up");
        options.AddTo(command);

        var settings = options.ToSettings(command.Parse([]));

        var deployedTimeout = DeploymentConfig.ReadWriterTimeout(DeploymentConfig.PathOf(DeploymentConfig.LocalMirror));
        settings.InvocationTimeout.ShouldBe(deployedTimeout);
        settings.VisibilityTimeout.ShouldBe(deployedTimeout * 6);
        settings.RetryDelay.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void ReadMaxReceiveCount_WhenTheValueIsMissing_NamesTheSetting()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "queue": {} }""");

            var error = Should.Throw<LocalConfigurationException>(() => DeploymentConfig.ReadMaxReceiveCount(path));

            error.Message.ShouldContain("queue.maxReceiveCount");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadWriterTimeout_WhenTheValueIsMissing_NamesTheSetting()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "writer": { "timeoutSeconds": 0 } }""");

            var error = Should.Throw<LocalConfigurationException>(() => DeploymentConfig.ReadWriterTimeout(path));

            error.Message.ShouldContain("writer.timeoutSeconds");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
