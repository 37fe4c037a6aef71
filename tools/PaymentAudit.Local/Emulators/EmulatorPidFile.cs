using System.Globalization;
using System.Text.Json;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// The pid file of one emulator of a local run, <c>&lt;run folder&gt;/&lt;emulator&gt;-&lt;port&gt;.json</c>:
/// which processes serve the port and which run started them. A run that was killed outright
/// (kill -9 of the whole tree, a crash) leaves its emulators' processes behind only if they
/// survived it; the next run on that port finds them here and stops them, and only them: a
/// process is stopped only if its pid, start time and command line all match the file, and only
/// when the run that started it no longer exists.
/// </summary>
public sealed class EmulatorPidFile
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);
    private readonly string _emulatorName;
    private readonly int _port;

    /// <summary>The pid file of <paramref name="emulatorName"/> on <paramref name="port"/> in <paramref name="runDirectory"/>.</summary>
    public EmulatorPidFile(string runDirectory, string emulatorName, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(emulatorName);
        _emulatorName = emulatorName;
        _port = port;
        var slug = emulatorName.ToLowerInvariant().Replace(' ', '-');
        Path = System.IO.Path.Combine(runDirectory, $"{slug}-{port.ToString(CultureInfo.InvariantCulture)}.json");
    }

    /// <summary>Where the file is.</summary>
    public string Path { get; }

    /// <summary>
    /// Stops the processes a run that no longer exists left on the port, and removes the file.
    /// Returns what it stopped (empty when there was nothing to stop).
    /// </summary>
    /// <exception cref="EmulatorStartException">The run that started them still runs: the port is in use.</exception>
    public IReadOnlyList<ProcessIdentity> StopLeftovers()
    {
        if (Read() is not { } recorded)
        {
            return [];
        }

        if (recorded.Owner.IsRunning())
        {
            throw new EmulatorStartException(
                $"{_emulatorName} cannot start: port {_port} is used by another local run ({recorded.Owner}). Stop that run first, or choose another port.");
        }

        var stopped = recorded.Processes.Where(p => p.KillIfRunning(KillWait)).ToList();
        File.Delete(Path);
        return stopped;
    }

    /// <summary>Records <paramref name="emulator"/>'s processes as started by this process.</summary>
    public void Record(EmulatorProcess emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var processes = emulator.ProcessIds.Select(ProcessIdentity.Of).OfType<ProcessIdentity>().ToList();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("emulator", _emulatorName);
            writer.WriteNumber("port", _port);
            writer.WritePropertyName("owner");
            Write(writer, ProcessIdentity.Current());
            writer.WriteStartArray("processes");
            foreach (var process in processes)
            {
                Write(writer, process);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var temporary = Path + ".tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Removes the file (the emulator was stopped), if it was ever written.</summary>
    public void Remove()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }

    private static void Write(Utf8JsonWriter writer, ProcessIdentity process)
    {
        writer.WriteStartObject();
        writer.WriteNumber("pid", process.Pid);
        writer.WriteString("startedAt", process.StartedAt);
        if (process.CommandLine is { } commandLine)
        {
            writer.WriteString("commandLine", commandLine);
        }

        writer.WriteEndObject();
    }

    private static ProcessIdentity ReadIdentity(JsonElement element) => new(
        element.GetProperty("pid").GetInt32(),
        element.GetProperty("startedAt").GetDateTime().ToUniversalTime(),
        element.TryGetProperty("commandLine", out var commandLine) ? commandLine.GetString() : null);

    /// <summary>The recorded owner and processes; null when there is no file, or one that cannot be trusted (then it is removed, and nothing is stopped).</summary>
    private Recorded? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            var root = document.RootElement;
            return new Recorded(ReadIdentity(root.GetProperty("owner")), root.GetProperty("processes").EnumerateArray().Select(ReadIdentity).ToList());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            File.Delete(Path);
            return null;
        }
    }

    private sealed record Recorded(ProcessIdentity Owner, IReadOnlyList<ProcessIdentity> Processes);
}
