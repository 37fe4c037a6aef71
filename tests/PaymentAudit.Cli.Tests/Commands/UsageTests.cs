using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Commands;

public sealed class UsageTests
{
    [Theory]
    [InlineData("--events", "5", "--events must be from 10 to 1000000")]
    [InlineData("--visibility-timeout", "0", "--visibility-timeout must be from 1 to 43200 seconds")]
    [InlineData("--dynamodb-port", "80", "dynamodb-port must be from 1024 to 65535")]
    [InlineData("--receivers", "0", "receivers must be from 1 to 64")]
    [InlineData("--invocation-timeout", "901", "--invocation-timeout must be from 1 to 900 seconds")]
    [InlineData("--visibility-timeout", "179", "visibility-timeout must be at least 6 times invocation-timeout (180 s)")]
    public async Task LocalDemo_WithABadValue_ExitsWithUsageErrorNamingTheOption(string option, string value, string message)
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["local", "demo", option, value], new StringWriter(), error);

        exitCode.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain(message);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsageError()
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["local", "launch"], new StringWriter(), error);

        exitCode.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("launch");
    }

    [Fact]
    public async Task SamePortForBothEmulators_ExitsWithUsageError()
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["local", "up", "--dynamodb-port", "9100", "--sqs-port", "9100"], new StringWriter(), error);

        exitCode.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("dynamodb-port, sqs-port and http-port must differ (they are 9100, 9100 and 8080)");
    }

    [Fact]
    public async Task HttpPortTakenByAnEmulator_ExitsWithUsageError()
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["local", "demo", "--sqs-port", "9101", "--http-port", "9101"], new StringWriter(), error);

        exitCode.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("dynamodb-port, sqs-port and http-port must differ");
    }

    [Fact]
    public async Task DigestIntervalOutOfRange_ExitsWithUsageErrorNamingIt()
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["local", "up", "--digest-interval", "2"], new StringWriter(), error);

        exitCode.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("digest-interval must be whole seconds from 5 to 3600, not 2 s");
    }

    [Fact]
    public async Task DynamoDbUrlThatIsNotAnHttpUrl_ExitsWithUsageErrorNamingIt()
    {
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["chains", "--table", "t", "--dynamodb-url", "not a url"], new StringWriter(), error);

        exitCode.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("--dynamodb-url must be an absolute http or https URL, not 'not a url'.");
    }
}
