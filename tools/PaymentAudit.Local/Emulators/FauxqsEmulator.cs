using System.Diagnostics;
using System.Globalization;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// Starts fauxqs (npm package, an SQS and S3 emulator speaking the SQS JSON protocol) on a loopback
/// port through <c>tools/PaymentAudit.Local/fauxqs/start-fauxqs.mjs</c>, with request logging off,
/// on the Node 22 the npm package <c>node</c> installs (see <see cref="NodeRuntime"/>). In memory,
/// or persisting queues and messages in a SQLite database in a data folder. The launcher exits
/// when its parent dies or closes its stdin.
/// </summary>
public static class FauxqsEmulator
{
    /// <summary>Display name used in messages.</summary>
    public const string Name = "fauxqs";

    /// <summary>Longest wait for the port to accept connections (under a second when idle; generous for a saturated machine).</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts fauxqs in memory on <paramref name="port"/>.</summary>
    /// <exception cref="EmulatorStartException">Node or the package is missing, the port is taken, or it did not start.</exception>
    public static Task<EmulatorProcess> StartAsync(int port, CancellationToken cancellationToken = default) =>
        StartAsync(port, dataDirectory: null, cancellationToken);

    /// <summary>Starts fauxqs on <paramref name="port"/>, persisting to <paramref name="dataDirectory"/> unless it is null.</summary>
    /// <exception cref="EmulatorStartException">Node or the package is missing, the port is taken, or it did not start.</exception>
    public static Task<EmulatorProcess> StartAsync(int port, string? dataDirectory, CancellationToken cancellationToken = default)
    {
        RepositoryPaths.NodeModule(Path.Combine("fauxqs", "package.json"));
        var launcher = NodeRuntime.Script(Path.Combine("fauxqs", "start-fauxqs.mjs"));
        var startInfo = new ProcessStartInfo(NodeRuntime.ForFauxqs())
        {
            WorkingDirectory = Path.GetDirectoryName(launcher)!,
        };

        // node:sqlite still prints an ExperimentalWarning on Node 22.
        startInfo.ArgumentList.Add("--disable-warning=ExperimentalWarning");
        startInfo.ArgumentList.Add(launcher);
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(dataDirectory);
            startInfo.ArgumentList.Add(Path.GetFullPath(dataDirectory));
        }

        return EmulatorProcess.StartAsync(Name, port, startInfo, ReadyTimeout, cancellationToken);
    }
}
