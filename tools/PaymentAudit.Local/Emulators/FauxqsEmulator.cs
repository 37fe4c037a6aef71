using System.Diagnostics;
using System.Globalization;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// Starts fauxqs (npm package, an SQS and S3 emulator speaking the SQS JSON protocol) on a loopback
/// port through <c>tools/PaymentAudit.Local/fauxqs/start-fauxqs.mjs</c>, with request logging off.
/// Needs Node 20 or later on the PATH and <c>npm ci</c> run in the repository root.
/// </summary>
public static class FauxqsEmulator
{
    /// <summary>Display name used in messages.</summary>
    public const string Name = "fauxqs";

    /// <summary>Starts fauxqs on <paramref name="port"/>.</summary>
    /// <exception cref="EmulatorStartException">Node or the package is missing, the port is taken, or it did not start.</exception>
    public static Task<EmulatorProcess> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        RepositoryPaths.NodeModule(Path.Combine("fauxqs", "package.json"));
        var launcher = Path.Combine(RepositoryPaths.Root(), "tools", "PaymentAudit.Local", "fauxqs", "start-fauxqs.mjs");
        if (!File.Exists(launcher))
        {
            throw new EmulatorStartException($"{Name} cannot start: the launcher '{launcher}' is missing.");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(launcher)!,
        };
        startInfo.ArgumentList.Add(launcher);
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        return EmulatorProcess.StartAsync(Name, port, startInfo, TimeSpan.FromSeconds(20), cancellationToken);
    }
}
