using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// One process, identified well enough to tell it from a later process that got the same pid: its
/// pid, its start time and (on Linux) its command line.
/// </summary>
/// <param name="Pid">The process id.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="CommandLine">Its command line from <c>/proc/&lt;pid&gt;/cmdline</c>, where the system has one.</param>
public sealed record ProcessIdentity(int Pid, DateTime StartedAt, string? CommandLine)
{
    // Start times are derived from the boot time, which the runtime estimates per process.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    /// <summary>The identity of this process.</summary>
    public static ProcessIdentity Current() => Of(Environment.ProcessId)
        ?? throw new InvalidOperationException("This process cannot read its own start time.");

    /// <summary>The identity of the running process <paramref name="pid"/>, or null when there is none.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return new ProcessIdentity(pid, process.StartTime.ToUniversalTime(), CommandLineOf(pid));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when this very process still runs (same pid, same start time, same command line).</summary>
    public bool IsRunning() =>
        Of(Pid) is { } now
        && (now.StartedAt - StartedAt).Duration() <= StartTimeTolerance
        && (CommandLine is null || now.CommandLine is null || string.Equals(CommandLine, now.CommandLine, StringComparison.Ordinal));

    /// <summary>Kills this process and its descendants if it still runs, and waits for it to end.</summary>
    /// <returns>True when it was running and has been stopped.</returns>
    public bool KillIfRunning(TimeSpan wait)
    {
        if (!IsRunning())
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(Pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(wait);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return false;
        }
    }

    /// <summary>A short description for messages.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {Pid} started {StartedAt:u}");

    private static string? CommandLineOf(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline";
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Replace('\0', ' ').TrimEnd() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
