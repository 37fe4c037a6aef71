using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaymentAudit.Local.Emulators;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>
/// <c>paymentaudit local up</c> run as a real child process (the CLI built next to the tests), so a
/// test can kill it the way a crash or an operator would. Its output is collected.
/// </summary>
public sealed class UpProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private UpProcess(Process process, string dataDirectory, int dynamoDbPort, int sqsPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        DynamoDbPort = dynamoDbPort;
        SqsPort = sqsPort;
    }

    /// <summary>The data folder it runs on.</summary>
    public string DataDirectory { get; }

    /// <summary>DynamoDB Local's port.</summary>
    public int DynamoDbPort { get; }

    /// <summary>fauxqs's port.</summary>
    public int SqsPort { get; }

    /// <summary>The pid of the CLI process.</summary>
    public int Pid => _process.Id;

    /// <summary>What it printed so far, stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>local up</c> with <paramref name="arguments"/> on the given data folder and ports, and waits until it runs.</summary>
    public static async Task<UpProcess> StartAsync(string dataDirectory, int dynamoDbPort, int sqsPort, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            typeof(CliApplication).Assembly.Location, "local", "up",
            "--data-dir", dataDirectory,
            "--dynamodb-port", dynamoDbPort.ToString(CultureInfo.InvariantCulture),
            "--sqs-port", sqsPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", LoopbackPort.FindFree().ToString(CultureInfo.InvariantCulture),
        }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("local up did not start.");
        var up = new UpProcess(process, dataDirectory, dynamoDbPort, sqsPort);
        process.OutputDataReceived += (_, e) => up.Append(e.Data);
        process.ErrorDataReceived += (_, e) => up.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.HoldsAsync(
                () => up.Output.Contains("local: running", StringComparison.Ordinal) || process.HasExited,
                TimeSpan.FromSeconds(240),
                "local up is running");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"local up exited with code {process.ExitCode}:\n{up.Output}");
            }
        }
        catch
        {
            await up.DisposeAsync();
            throw;
        }

        return up;
    }

    /// <summary>SIGKILL to the CLI and every process under it at once: a crash of the whole tree.</summary>
    public void KillTree()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL to the CLI process alone, leaving whatever it started to fend for itself.</summary>
    public void KillOnlyItself()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillTree();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
