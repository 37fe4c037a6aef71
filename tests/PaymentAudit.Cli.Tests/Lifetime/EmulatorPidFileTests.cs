using PaymentAudit.Local.Emulators;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Lifetime;

public sealed class EmulatorPidFileTests
{
    [Fact]
    public void Remove_OfAFileNeverWritten_InAFolderThatDoesNotExist_DoesNothing()
    {
        // An emulator that started while the other one failed is stopped before any pid file was written.
        var pidFile = new EmulatorPidFile(Path.Combine(Path.GetTempPath(), "paymentaudit-tests", Guid.NewGuid().ToString("N"), "run"), FauxqsEmulator.Name, 4566);

        Should.NotThrow(pidFile.Remove);
    }

    [Fact]
    public void StopLeftovers_WithoutAFile_StopsNothing()
    {
        var pidFile = new EmulatorPidFile(Path.Combine(Path.GetTempPath(), "paymentaudit-tests", Guid.NewGuid().ToString("N"), "run"), DynamoDbLocalEmulator.Name, 8000);

        pidFile.StopLeftovers().ShouldBeEmpty();
    }
}
