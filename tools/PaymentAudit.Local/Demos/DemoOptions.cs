namespace PaymentAudit.Local.Demos;

/// <summary>Settings of a demo run.</summary>
public sealed record DemoOptions
{
    /// <summary>Default number of events: small enough to finish well within a minute on a two-core machine.</summary>
    public const int DefaultEvents = 3_000;

    /// <summary>Events to send, 10 to 1,000,000, including the few invalid ones sent raw. Default <see cref="DefaultEvents"/>.</summary>
    public int Events { get; init; } = DefaultEvents;

    /// <summary>Seed of the traffic generator, so two runs send the same stream. Default 2024.</summary>
    public int Seed { get; init; } = 2024;

    /// <summary>Message groups (chains) the client spreads actors over. Default 64.</summary>
    public int MessageGroups { get; init; } = 64;

    /// <summary>Concurrent application callers recording events. Default 64.</summary>
    public int Callers { get; init; } = 64;

    /// <summary>Longest wait for the queue to drain once everything is sent. Default 120 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How often progress is printed. Default 1 s.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Base address of the local HTTP ingestion endpoint; when set, every fourth event the
    /// applications record is posted there instead of going through the client library. Default none.
    /// </summary>
    public Uri? HttpEndpoint { get; init; }

    /// <summary>
    /// The key file the demo's digests are signed with (made if missing). Default none: a key made
    /// for the run in a temporary folder and removed after it.
    /// </summary>
    public string? DigestKeyPath { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="Configuration.LocalConfigurationException">An option is out of range; the message names it.</exception>
    public DemoOptions Validate()
    {
        var problems = new List<string>();
        if (Events is < 10 or > 1_000_000)
        {
            problems.Add($"events must be from 10 to 1000000, not {Events}");
        }

        if (MessageGroups is < 1 or > 1000)
        {
            problems.Add($"message groups must be from 1 to 1000, not {MessageGroups}");
        }

        if (Callers is < 1 or > 1024)
        {
            problems.Add($"callers must be from 1 to 1024, not {Callers}");
        }

        if (DrainTimeout <= TimeSpan.Zero || ProgressInterval <= TimeSpan.Zero)
        {
            problems.Add("drain timeout and progress interval must be positive");
        }

        if (problems.Count > 0)
        {
            throw new Configuration.LocalConfigurationException("Demo configuration is invalid: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
