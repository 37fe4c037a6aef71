using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local;
using PaymentAudit.Local.Emulators;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Lifetime;

/// <summary>What a start does with the pid files a killed run left: stop its emulators on our ports, and nothing else.</summary>
[Collection(LocalRunCollection.Name)]
public sealed class LeftoverEmulatorTests : IDisposable
{
    private readonly string _dataDirectory = TestFolders.Create();

    [Fact]
    public async Task EmulatorLeftByARunThatNoLongerExists_IsStopped_AndTheStackStartsOnItsPort()
    {
        var port = LoopbackPort.FindFree();
        var leftover = await FauxqsEmulator.StartAsync(port);
        var leftoverProcess = ProcessIdentity.Of(leftover.ProcessIds[0])!;
        WritePidFile("fauxqs", port, owner: Gone(ProcessIdentity.Current()), leftoverProcess);

        await using var environment = await LocalEnvironment.StartAsync(TestSettings.On(LoopbackPort.FindFree(), port, _dataDirectory));

        leftoverProcess.IsRunning().ShouldBeFalse();
        environment.StoppedLeftovers.ShouldHaveSingleItem().ShouldContain($"fauxqs on port {port}");
        environment.SqsEmulator.IsRunning.ShouldBeTrue();
        leftover.Dispose();
    }

    [Fact]
    public async Task PidReusedByAnotherProgram_IsNeverStopped_AndTheTakenPortIsRefused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stranger = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var strangerNow = ProcessIdentity.Of(stranger.Id)!;

        // The file says an emulator of ours ran under that pid; the process there now started later.
        WritePidFile("fauxqs", port, owner: Gone(ProcessIdentity.Current()), strangerNow with { StartedAt = strangerNow.StartedAt.AddHours(-1) });

        var error = await Should.ThrowAsync<EmulatorStartException>(() => LocalEnvironment.StartAsync(TestSettings.On(LoopbackPort.FindFree(), port, _dataDirectory)));

        error.Message.ShouldContain($"port {port} is already in use");
        strangerNow.IsRunning().ShouldBeTrue();
        stranger.Kill();
    }

    [Fact]
    public async Task EmulatorOfARunStillAlive_IsLeftAlone_AndTheStartIsRefusedNamingThatRun()
    {
        var port = LoopbackPort.FindFree();
        await using var running = await FauxqsEmulator.StartAsync(port);
        var runningProcess = ProcessIdentity.Of(running.ProcessIds[0])!;
        WritePidFile("fauxqs", port, owner: ProcessIdentity.Current(), runningProcess);

        var error = await Should.ThrowAsync<EmulatorStartException>(() => LocalEnvironment.StartAsync(TestSettings.On(LoopbackPort.FindFree(), port, _dataDirectory)));

        error.Message.ShouldContain($"port {port} is used by another local run (pid {Environment.ProcessId}");
        runningProcess.IsRunning().ShouldBeTrue();
    }

    public void Dispose() => TestFolders.TryDelete(_dataDirectory);

    // This test process, as if it had started at another time: a run that no longer exists.
    private static ProcessIdentity Gone(ProcessIdentity process) => process with { StartedAt = process.StartedAt.AddDays(-1) };

    private void WritePidFile(string emulator, int port, ProcessIdentity owner, params ProcessIdentity[] processes)
    {
        var folder = Path.Combine(_dataDirectory, "run");
        Directory.CreateDirectory(folder);
        var content = new
        {
            emulator,
            port,
            owner = Json(owner),
            processes = processes.Select(Json).ToList(),
        };
        File.WriteAllText(Path.Combine(folder, $"{emulator}-{port.ToString(CultureInfo.InvariantCulture)}.json"), JsonSerializer.Serialize(content));
    }

    private static Dictionary<string, object?> Json(ProcessIdentity process) => new()
    {
        ["pid"] = process.Pid,
        ["startedAt"] = process.StartedAt,
        ["commandLine"] = process.CommandLine,
    };
}
