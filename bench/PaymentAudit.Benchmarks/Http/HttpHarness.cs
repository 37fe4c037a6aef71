using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Client;
using PaymentAudit.Http;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using static PaymentAudit.Benchmarks.HarnessArguments;

namespace PaymentAudit.Benchmarks.Http;

/// <summary>
/// The local HTTP endpoint end to end against fauxqs (Kestrel on loopback, the real SDK behind it):
/// <c>--clients</c> concurrent HTTP clients each post their events one after another, as fast as
/// the endpoint answers, and the harness prints accepted events per second and the latency
/// percentiles. Then, unless <c>--no-client</c>, the client library sends the same number of events
/// from as many callers to a fresh queue on the same emulator, for a side-by-side figure.
/// Usage: harness http [--events 20000] [--clients 64] [--batch 1] [--no-client]
/// (<c>--batch N</c> posts N events per request to /v1/events/batch).
/// </summary>
public sealed class HttpHarness : IHarness
{
    private const int WarmUpEvents = 1_000;

    public string Name => "http";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var events = Option(args, "--events", 20_000);
        var clients = Option(args, "--clients", 64);
        var batch = Math.Clamp(Option(args, "--batch", 1), 1, 10);

        await using var emulator = await FauxqsEmulator.StartAsync(LoopbackPort.FindFree(), cancellationToken);
        using var sqs = SqsClients.Create(emulator.ServiceUrl);
        var queueUrl = await FifoQueues.CreateAsync(sqs, FifoQueues.UniqueName("http-harness"), cancellationToken);
        await using var host = await HttpIngestionHost.StartAsync(sqs, new HttpIngestionOptions { QueueUrl = queueUrl, Port = 0 }, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = host.BaseAddress };
        Console.WriteLine($"// fauxqs at {emulator.ServiceUrl}, endpoint at {host.BaseAddress}; {clients} HTTP clients posting {events} events "
            + $"({(batch == 1 ? "one per request to /v1/events" : $"{batch} per request to /v1/events/batch")}); ~{Some.Json(Some.TypicalEvent(0)).Length}-byte events; "
            + $"group = actor id, {clients} actors");

        await PostAsync(http, WarmUpEvents, clients, batch, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var latencies = await PostAsync(http, events, clients, batch, cancellationToken);
        stopwatch.Stop();

        var onQueue = await CountMessagesAsync(sqs, queueUrl, cancellationToken);
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// request latency ms: p50={Percentile(latencies, 0.50):0.0} p99={Percentile(latencies, 0.99):0.0} max={latencies[^1]:0.0}; messages on queue={onQueue} (expected {events + WarmUpEvents})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http: events={events} events_per_s={events / stopwatch.Elapsed.TotalSeconds:0} p99_ms={Percentile(latencies, 0.99):0.0} clients={clients} events_per_request={batch}"));
        var ok = onQueue == events + WarmUpEvents;

        if (!args.Contains("--no-client"))
        {
            ok &= await RunClientLibraryAsync(sqs, events, clients, cancellationToken);
        }

        return ok ? 0 : 1;
    }

    /// <summary>Client c posts the events k with k mod clients = c, in order; returns each request's latency.</summary>
    private static async Task<double[]> PostAsync(HttpClient http, int events, int clients, int batch, CancellationToken cancellationToken)
    {
        var requests = (events + batch - 1) / batch;
        var latencies = new double[requests];
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(
            async () =>
            {
                var actor = "user-" + client.ToString("D3", CultureInfo.InvariantCulture);
                for (var r = client; r < requests; r += clients)
                {
                    var bodies = Enumerable.Range(r * batch, Math.Min(batch, events - (r * batch)))
                        .Select(k => Some.Json(Some.TypicalEvent(k) with { Actor = new(actor, "user") }));
                    var body = batch == 1 ? bodies.Single() : "[" + string.Join(",", bodies) + "]";
                    using var content = new StringContent(body, Encoding.UTF8);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync(batch == 1 ? "v1/events" : "v1/events/batch", content, cancellationToken);
                    latencies[r] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if ((int)response.StatusCode != 202)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            },
            cancellationToken)));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} requests were not accepted.");
        }

        return latencies;
    }

    /// <summary>The same load through the client library: as many callers, each awaiting its events one after another.</summary>
    private static async Task<bool> RunClientLibraryAsync(AmazonSQSClient sqs, int events, int callers, CancellationToken cancellationToken)
    {
        var queueUrl = await FifoQueues.CreateAsync(sqs, FifoQueues.UniqueName("http-harness-client"), cancellationToken);
        await using var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = queueUrl, GroupStrategy = MessageGroupStrategy.HashOfActor(callers) });
        await RecordAsync(trail, WarmUpEvents, callers, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var latencies = await RecordAsync(trail, events, callers, cancellationToken);
        stopwatch.Stop();
        Array.Sort(latencies);
        var onQueue = await CountMessagesAsync(sqs, queueUrl, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// client library, same machine and emulator: {callers} callers, hash of actor into {callers} groups; latency ms p50={Percentile(latencies, 0.50):0.0} p99={Percentile(latencies, 0.99):0.0}; messages on queue={onQueue}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"client: events={events} events_per_s={events / stopwatch.Elapsed.TotalSeconds:0} p99_ms={Percentile(latencies, 0.99):0.0} callers={callers}"));
        return onQueue == events + WarmUpEvents;
    }

    private static async Task<double[]> RecordAsync(IAuditTrail trail, int events, int callers, CancellationToken cancellationToken)
    {
        var latencies = new double[events];
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                var actor = "user-" + caller.ToString("D3", CultureInfo.InvariantCulture);
                for (var k = caller; k < events; k += callers)
                {
                    var sent = Stopwatch.GetTimestamp();
                    await trail.RecordAsync(Some.TypicalEvent(k) with { Actor = new(actor, "user") }, cancellationToken);
                    latencies[k] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
            },
            cancellationToken)));
        return latencies;
    }
}
