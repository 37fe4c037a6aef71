using System.Diagnostics;

namespace PaymentAudit.Benchmarks.Verification;

/// <summary>What the machine was doing: the load average, and the CPU time processes used.</summary>
internal static class MachineLoad
{
    /// <summary>The 1, 5 and 15 minute load averages as <c>/proc/loadavg</c> gives them, or "n/a" where there is none.</summary>
    public static string Average()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>CPU time (user and system) the processes <paramref name="processIds"/> have used so far; those that have exited count nothing.</summary>
    public static TimeSpan CpuTime(IEnumerable<int> processIds)
    {
        var total = TimeSpan.Zero;
        foreach (var id in processIds)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                total += process.TotalProcessorTime;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
            }
        }

        return total;
    }

    /// <summary>CPU time this process has used so far.</summary>
    public static TimeSpan OwnCpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
