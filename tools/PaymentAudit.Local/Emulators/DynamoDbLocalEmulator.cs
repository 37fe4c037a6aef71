using System.Diagnostics;
using System.Globalization;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// Starts AWS's DynamoDB Local (shipped in the npm package amplify-dynamodb-simulator) on a
/// loopback port, in memory or keeping its tables in a data folder (<c>-dbPath</c>). Needs Java 17
/// or later. Java is started through <c>tools/PaymentAudit.Local/launchers/exit-with-parent.mjs</c>
/// (on the Node on the PATH), which stops it when the process that started it dies, however it dies.
/// </summary>
public static class DynamoDbLocalEmulator
{
    /// <summary>Display name used in messages.</summary>
    public const string Name = "DynamoDB Local";

    /// <summary>
    /// Longest wait for the port to accept connections. The JVM starts in about 2 s on an idle
    /// machine, but took more than 30 s on a two-core machine at load 35; starting fails at once
    /// anyway if Java exits.
    /// </summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Starts DynamoDB Local in memory on <paramref name="port"/>.</summary>
    /// <exception cref="EmulatorStartException">Java, Node or the jar is missing, the port is taken, or it did not start.</exception>
    public static Task<EmulatorProcess> StartAsync(int port, CancellationToken cancellationToken = default) =>
        StartAsync(port, dataDirectory: null, cancellationToken);

    /// <summary>Starts DynamoDB Local on <paramref name="port"/>, keeping its tables in <paramref name="dataDirectory"/> unless it is null.</summary>
    /// <exception cref="EmulatorStartException">Java, Node or the jar is missing, the port is taken, or it did not start.</exception>
    public static Task<EmulatorProcess> StartAsync(int port, string? dataDirectory, CancellationToken cancellationToken = default)
    {
        var folder = RepositoryPaths.NodeModule(Path.Combine("amplify-dynamodb-simulator", "emulator"));
        var java = Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home ? Path.Combine(home, "bin", "java") : "java";
        var startInfo = new ProcessStartInfo(NodeRuntime.OnPath)
        {
            WorkingDirectory = folder,
        };
        startInfo.ArgumentList.Add(NodeRuntime.Script(Path.Combine("launchers", "exit-with-parent.mjs")));
        startInfo.ArgumentList.Add(java);
        foreach (var argument in new[] { "-Djava.library.path=./DynamoDBLocal_lib", "-XX:+UseSerialGC", "-Xmx1g", "-jar", "DynamoDBLocal.jar" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (dataDirectory is null)
        {
            startInfo.ArgumentList.Add("-inMemory");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            startInfo.ArgumentList.Add("-dbPath");
            startInfo.ArgumentList.Add(Path.GetFullPath(dataDirectory));
        }

        foreach (var argument in new[] { "-sharedDb", "-disableTelemetry", "-port", port.ToString(CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return EmulatorProcess.StartAsync(Name, port, startInfo, ReadyTimeout, cancellationToken);
    }
}
