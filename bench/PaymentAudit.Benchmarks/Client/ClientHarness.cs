using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Client;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using static PaymentAudit.Benchmarks.HarnessArguments;

namespace PaymentAudit.Benchmarks.Client;

/// <summary>
/// The client library end to end against fauxqs (real SDK, real HTTP on loopback): callers offer
/// events at a fixed rate (each caller awaits its own events one after another) and the harness
/// prints what was accepted per second and how full the batches were.
/// Usage: harness client [--rate 5000] [--seconds 10] [--callers 64] [--groups 32] [--window-ms 5] [--max-batches 4]
/// (rate 0: as fast as possible, --events N).
/// </summary>
public sealed class ClientHarness : IHarness
{
    public string Name => "client";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var rate = Option(args, "--rate", 5_000);
        var seconds = Option(args, "--seconds", 10);
        var callers = Option(args, "--callers", 64);
        var events = rate > 0 ? rate * seconds : Option(args, "--events", 50_000);

        await using var emulator = await FauxqsEmulator.StartAsync(LoopbackPort.FindFree(), cancellationToken);
        using var sqs = SqsClients.Create(emulator.ServiceUrl);
        var queueUrl = await FifoQueues.CreateAsync(sqs, FifoQueues.UniqueName("client-harness"), cancellationToken);
        using var batches = new BatchCounter();
        var groups = Option(args, "--groups", AuditTrailOptions.DefaultGroupCount);
        var options = new AuditTrailOptions
        {
            QueueUrl = queueUrl,
            GroupStrategy = MessageGroupStrategy.HashOfActor(groups),
            BatchWindow = TimeSpan.FromMilliseconds(Option(args, "--window-ms", 5)),
            MaxConcurrentBatches = Option(args, "--max-batches", 4),
        };
        Console.WriteLine($"// fauxqs at {emulator.ServiceUrl}; {callers} callers offering {(rate > 0 ? $"{rate} events/s for {seconds} s" : $"{events} events as fast as possible")}; "
            + $"~{Some.Json(Some.TypicalEvent(0)).Length}-byte events; {groups} groups, window {options.BatchWindow.TotalMilliseconds} ms, {options.MaxConcurrentBatches} batches in flight");

        await using var trail = AuditTrail.Create(sqs, options);

        // Warm up (JIT, connection pool), then measure from zero.
        await OfferAsync(trail, 2_000, 0, callers, cancellationToken);
        batches.Reset();
        var stopwatch = Stopwatch.StartNew();
        var latencies = await OfferAsync(trail, events, rate, callers, cancellationToken);
        stopwatch.Stop();

        var eventsPerSecond = events / stopwatch.Elapsed.TotalSeconds;
        var entriesPerBatch = batches.Entries / (double)Math.Max(1, batches.Calls);
        var stored = await CountMessagesAsync(sqs, queueUrl, cancellationToken);
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// latency ms: p50={Percentile(latencies, 0.50):0.0} p99={Percentile(latencies, 0.99):0.0} max={latencies[^1]:0.0}; batches={batches.Calls}; messages on queue={stored} (expected {events + 2_000})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"client: events={events} events_per_s={eventsPerSecond:0} entries_per_batch={entriesPerBatch:0.00}"));
        return stored == events + 2_000 ? 0 : 1;
    }

    /// <summary>Event k is due at k / rate seconds; caller c offers the events k with k mod callers = c.</summary>
    private static async Task<double[]> OfferAsync(IAuditTrail trail, int events, int rate, int callers, CancellationToken cancellationToken)
    {
        var latencies = new double[events];
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                for (var k = caller; k < events; k += callers)
                {
                    if (rate > 0)
                    {
                        var wait = TimeSpan.FromSeconds(k / (double)rate) - Stopwatch.GetElapsedTime(start);
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, cancellationToken);
                        }
                    }

                    var sent = Stopwatch.GetTimestamp();
                    await trail.RecordAsync(Some.TypicalEvent(k) with { Actor = new("user-" + caller.ToString("D3", CultureInfo.InvariantCulture), "user") }, cancellationToken);
                    latencies[k] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
            },
            cancellationToken));
        await Task.WhenAll(tasks);
        return latencies;
    }

    /// <summary>Counts SendMessageBatch calls and entries from the client's published metrics.</summary>
    private sealed class BatchCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _calls;
        private long _entries;

        public BatchCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AuditTrailMetrics.MeterName && instrument.Name == AuditTrailMetrics.BatchEntries)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
            {
                Interlocked.Increment(ref _calls);
                Interlocked.Add(ref _entries, value);
            });
            _listener.Start();
        }

        public long Calls => Interlocked.Read(ref _calls);

        public long Entries => Interlocked.Read(ref _entries);

        public void Reset()
        {
            Interlocked.Exchange(ref _calls, 0);
            Interlocked.Exchange(ref _entries, 0);
        }

        public void Dispose() => _listener.Dispose();
    }
}
