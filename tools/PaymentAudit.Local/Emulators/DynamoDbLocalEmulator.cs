using System.Diagnostics;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// Starts AWS's DynamoDB Local (shipped in the npm package amplify-dynamodb-simulator) in memory
/// on a loopback port. Needs Java 17 or later on the PATH.
/// </summary>
public static class DynamoDbLocalEmulator
{
    /// <summary>Display name used in messages.</summary>
    public const string Name = "DynamoDB Local";

    /// <summary>Starts DynamoDB Local on <paramref name="port"/>.</summary>
    /// <exception cref="EmulatorStartException">Java or the jar is missing, the port is taken, or it did not start.</exception>
    public static Task<EmulatorProcess> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var folder = RepositoryPaths.NodeModule(Path.Combine("amplify-dynamodb-simulator", "emulator"));
        var java = Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home ? Path.Combine(home, "bin", "java") : "java";
        var startInfo = new ProcessStartInfo(java)
        {
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
        {
            "-Djava.library.path=./DynamoDBLocal_lib", "-XX:+UseSerialGC", "-Xmx1g",
            "-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return EmulatorProcess.StartAsync(Name, port, startInfo, TimeSpan.FromSeconds(30), cancellationToken);
    }
}
