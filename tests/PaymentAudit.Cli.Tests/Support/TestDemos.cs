using PaymentAudit.Local.Demos;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>Demo options small enough for a test.</summary>
public static class TestDemos
{
    /// <summary>A small demo of <paramref name="events"/> events.</summary>
    public static DemoOptions Small(int events) => new()
    {
        Events = events,
        MessageGroups = 32,
        Callers = 16,
        DrainTimeout = TimeSpan.FromSeconds(90),
        ProgressInterval = TimeSpan.FromSeconds(2),
    };
}
