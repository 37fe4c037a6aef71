using PaymentAudit.Local.Configuration;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Configuration;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Validate_ListsEveryWrongSettingByName()
    {
        var settings = new LocalSettings { DynamoDbPort = 70_000, ResourcePrefix = "has space", MaxReceiveCount = 0, VisibilityTimeout = TimeSpan.FromMilliseconds(1500) };

        var error = Should.Throw<LocalConfigurationException>(() => settings.Validate());

        error.Message.ShouldContain("dynamodb-port");
        error.Message.ShouldContain("resource-prefix");
        error.Message.ShouldContain("max-receive-count");
        error.Message.ShouldContain("visibility-timeout");
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
}
