using System.Globalization;
using System.Text.Json.Nodes;
using PaymentAudit.Local.Digests;
using PaymentAudit.Local.History;

namespace PaymentAudit.Local.Runs;

/// <summary>
/// What the deployed schedules do, for <c>local up</c>: at start and then every interval, bring the
/// history index up to date (so <c>paymentaudit query</c> sees new records) and write the next
/// signed digest. A failed run is logged to the writer log and retried at the next tick; it never
/// stops the pipeline.
/// </summary>
public sealed class LocalUpkeep
{
    private readonly LocalHistory _history;
    private readonly LocalDigests _digests;
    private readonly TextWriter _log;
    private long _digestsWritten;
    private long _failures;
    private long _generation;

    /// <summary>Creates the upkeep over the local index and digests, logging to <paramref name="log"/> (shared with the writer: pass a synchronized writer).</summary>
    public LocalUpkeep(LocalHistory history, LocalDigests digests, TextWriter log)
    {
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _digests = digests ?? throw new ArgumentNullException(nameof(digests));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Digests written by this run.</summary>
    public long DigestsWritten => Interlocked.Read(ref _digestsWritten);

    /// <summary>Runs that failed (each logged).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>For the counters line: <c>index=&lt;generation&gt; digests=&lt;n&gt; upkeep_failures=&lt;n&gt;</c>.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture, $"index={Interlocked.Read(ref _generation)} digests={DigestsWritten} upkeep_failures={Failures}");

    /// <summary>Runs once now and then every <paramref name="interval"/> until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Indexes new records, then writes a digest; a failure is logged and counted.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var index = await _history.Indexer.RunAsync(cancellationToken);
            Interlocked.Exchange(ref _generation, index.Generation);
            var digest = await _digests.DigestAsync(cancellationToken);
            Interlocked.Increment(ref _digestsWritten);
            Log("Information", $"digest written: {digest.Key} chains={digest.Chains} moved={digest.Moved}; index generation {index.Generation}, {index.RecordsIndexed} records indexed");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            Log("Error", $"upkeep failed, retried at the next tick: {ex.GetType().Name}: {ex.Message}");
        }
    }

    // One JSON document per line, like the writer's own lines in the same file.
    private void Log(string level, string message)
    {
        var line = new JsonObject
        {
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["level"] = level,
            ["source"] = "local-upkeep",
            ["message"] = message,
        };
        _log.WriteLine(line.ToJsonString());
        _log.Flush();
    }
}
