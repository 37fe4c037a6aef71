using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// A local emulator child process bound to one loopback port. Starting refuses a taken port,
/// waits until the port accepts connections, and fails with the process's own output if it
/// exits or does not come up; disposing kills the whole process tree and waits until the port is free. A process started through
/// the <c>exit-with-parent</c> launcher reports its child's pid, so both can be recorded.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable, IDisposable
{
    private const int MaxCapturedChars = 8_000;
    private const string ChildPidLine = "exit-with-parent: child pid ";
    private static readonly TimeSpan PortReleaseWait = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _childPid;
    private bool _listened;

    private EmulatorProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    /// <summary>Display name, e.g. "DynamoDB Local".</summary>
    public string Name { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The endpoint URL for AWS SDK clients.</summary>
    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>The pids of the process and, when it runs through the exit-with-parent launcher, of the emulator under it.</summary>
    public IReadOnlyList<int> ProcessIds => Volatile.Read(ref _childPid) is > 0 and var child ? [_process.Id, child] : [_process.Id];

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts <paramref name="startInfo"/> and waits until <paramref name="port"/> accepts connections.</summary>
    /// <exception cref="EmulatorStartException">The port is taken, the program is missing, it exited, or it did not come up in time.</exception>
    public static async Task<EmulatorProcess> StartAsync(
        string name, int port, ProcessStartInfo startInfo, TimeSpan readyTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        LoopbackPort.EnsureFree(port, name);
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new EmulatorStartException($"{name}: the process did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new EmulatorStartException($"{name} cannot start: '{startInfo.FileName}' was not found or is not executable ({ex.Message}).", ex);
        }

        var emulator = new EmulatorProcess(name, port, process);
        process.OutputDataReceived += (_, e) => emulator.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + readyTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                var output = emulator.CapturedOutput();
                emulator.Dispose();
                throw new EmulatorStartException($"{name} exited with code {process.ExitCode} while starting on port {port}:\n{output}");
            }

            if (await AcceptsConnectionsAsync(port, cancellationToken))
            {
                emulator._listened = true;
                return emulator;
            }

            if (DateTime.UtcNow > deadline)
            {
                var output = emulator.CapturedOutput();
                emulator.Dispose();
                throw new EmulatorStartException($"{name} did not accept connections on port {port} within {readyTimeout.TotalSeconds:0} s:\n{output}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>What the process printed so far (bounded).</summary>
    public string CapturedOutput()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        // A launcher's child (Java under exit-with-parent) can still be dying after the launcher
        // has exited, more so on a busy machine; a restart on the same port must find it free.
        var waiting = Stopwatch.StartNew();
        while (_listened && LoopbackPort.IsTaken(Port) && waiting.Elapsed < PortReleaseWait)
        {
            Thread.Sleep(50);
        }

        _process.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(ChildPidLine, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(ChildPidLine.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            Volatile.Write(ref _childPid, pid);
        }

        lock (_output)
        {
            if (_output.Length < MaxCapturedChars)
            {
                _output.AppendLine(line);
            }
        }
    }
}
