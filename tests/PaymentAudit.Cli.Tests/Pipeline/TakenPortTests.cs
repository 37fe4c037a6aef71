using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Emulators;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Pipeline;

[Collection(LocalPipelineCollection.Name)]
public sealed class TakenPortTests : IDisposable
{
    private readonly LocalPipelineFixture _emulators;
    private readonly string _dataDirectory = TestFolders.Create();

    public TakenPortTests(LocalPipelineFixture emulators) => _emulators = emulators;

    public void Dispose() => TestFolders.TryDelete(_dataDirectory);

    [Fact]
    public async Task StartingASecondStack_OnThePortOfARunningDynamoDbLocal_FailsNamingThePortAndStartsNothing()
    {
        var taken = _emulators.DynamoDb.ServiceUrl.Port;
        var freeSqsPort = LoopbackPort.FindFree();
        var settings = TestSettings.On(taken, freeSqsPort, _dataDirectory);

        var error = await Should.ThrowAsync<EmulatorStartException>(() => LocalEnvironment.StartAsync(settings));

        error.Message.ShouldContain($"port {taken} is already in use");
        error.Message.ShouldContain(DynamoDbLocalEmulator.Name);
        LoopbackPort.IsTaken(freeSqsPort).ShouldBeFalse("fauxqs must not have been started");
    }

    [Fact]
    public async Task StartingASecondStack_OnThePortOfARunningFauxqs_FailsNamingThePort()
    {
        var taken = _emulators.Sqs.ServiceUrl.Port;
        var settings = TestSettings.On(LoopbackPort.FindFree(), taken, _dataDirectory);

        var error = await Should.ThrowAsync<EmulatorStartException>(() => LocalEnvironment.StartAsync(settings));

        error.Message.ShouldContain($"port {taken} is already in use");
        error.Message.ShouldContain(FauxqsEmulator.Name);
    }

    [Fact]
    public async Task LocalDemoCommand_OnATakenPort_ExitsNonZeroWithAMessageNamingThePort()
    {
        var taken = _emulators.DynamoDb.ServiceUrl.Port;
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(
            ["local", "demo", "--events", "10", "--data-dir", _dataDirectory, "--dynamodb-port", taken.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sqs-port", LoopbackPort.FindFree().ToString(System.Globalization.CultureInfo.InvariantCulture), "--http-port", LoopbackPort.FindFree().ToString(System.Globalization.CultureInfo.InvariantCulture)],
            output,
            error);

        exitCode.ShouldBe(ExitCodes.EmulatorFailed);
        error.ToString().ShouldContain($"port {taken} is already in use");
    }
}
