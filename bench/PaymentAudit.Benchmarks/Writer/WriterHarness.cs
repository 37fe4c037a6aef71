using System.Diagnostics;
using System.Globalization;
using Amazon.S3;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Storage;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Sqs;
using static PaymentAudit.Benchmarks.HarnessArguments;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// Measures the chain writer against a put-per-message baseline (the seed design), both against one
/// DynamoDB Local in this process. First the cost: each kind of message, N at a time on fresh
/// tables, through a <see cref="CapacityMeter"/> that bills the requests as DynamoDB would, with the
/// bytes left stored; then a realistic mix of the kinds. Then the throughput: the same events, in
/// SQS batches of 10, to both, with events/s and DynamoDB requests per event, and a probe of the
/// request rate DynamoDB Local accepts. Usage: harness writer [--cost-only] [--cost-events N]
/// [--mix kind=weight,...] [--events N] [--concurrency C] [--groups-per-batch G] [--warmup W]
/// [--parallel-groups P] [--probe-items I].
/// </summary>
public sealed class WriterHarness : IHarness
{
    public string Name => "writer";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var events = Option(args, "--events", 10_000);
        var concurrency = Option(args, "--concurrency", 4);
        var groupsPerBatch = Math.Min(MessageBatches.BatchSize, Option(args, "--groups-per-batch", 2));
        var warmup = Option(args, "--warmup", 2_000);
        var parallelGroups = Option(args, "--parallel-groups", int.MaxValue);
        var probeItems = Option(args, "--probe-items", 8_000);
        var costEvents = Option(args, "--cost-events", 200);
        if (!CostMix.TryParse(Text(args, "--mix"), out var mix, out var mixError))
        {
            await Console.Error.WriteLineAsync(mixError);
            return 2;
        }

        var fixture = new DynamoDbLocalFixture();
        var fauxqs = new FauxqsFixture();
        await Task.WhenAll(fixture.InitializeAsync(), fauxqs.InitializeAsync());
        using var s3 = fauxqs.CreateS3Client();
        try
        {
            var measurement = new CostMeasurement(fixture, s3, fauxqs.CreateBucketAsync, costEvents, concurrency, groupsPerBatch);
            var costsComplete = await MeasureCostsAsync(measurement, costEvents, concurrency, groupsPerBatch, mix, cancellationToken);
            if (args.Contains("--cost-only"))
            {
                return costsComplete ? 0 : 1;
            }

            var batches = Batches(events, concurrency, groupsPerBatch);
            Console.WriteLine($"// {events} events of ~{Some.Json(Some.TypicalEvent(0)).Length} bytes, batches of {MessageBatches.BatchSize} holding {groupsPerBatch} groups each, {concurrency} concurrent pollers, groups appended {(parallelGroups == int.MaxValue ? "all at once" : $"{parallelGroups} at a time")}, warm-up {warmup} events");

            // DynamoDB Local runs 5-10x slower until its JIT has warmed up: warm both paths (and
            // this process's JIT and connection pool) on their own tables before measuring.
            await RunWriterAsync(fixture, s3, await fauxqs.CreateBucketAsync(), Batches(warmup, concurrency, groupsPerBatch), concurrency, parallelGroups, verify: false, cancellationToken);
            await RunBaselineAsync(fixture, Batches(warmup, concurrency, groupsPerBatch), concurrency, cancellationToken);

            var baseline = await RunBaselineAsync(fixture, batches, concurrency, cancellationToken);
            var writer = await RunWriterAsync(fixture, s3, await fauxqs.CreateBucketAsync(), batches, concurrency, parallelGroups, verify: true, cancellationToken);

            var probe = new DynamoDbCapacityProbe(fixture, concurrency);
            var putsPerEvent = writer.ItemsWritten / (double)writer.Stored;
            var requestsPerEvent = writer.Requests / (double)writer.Stored;
            var putCapacity = await probe.MeasurePutItemsAsync(probeItems, cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// DynamoDB Local capacity, probed after the runs: conditional PutItem {putCapacity:0} requests/s"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// writer sent {requestsPerEvent:0.00} requests per event ({putsPerEvent:0.00} PutItem): {writer.EventsPerSecond * requestsPerEvent:0} requests/s, {writer.EventsPerSecond * requestsPerEvent / putCapacity:0%} of the probed request rate"));
            Console.WriteLine(Line("writer-baseline (one PutItem per message)", baseline));
            Console.WriteLine($"// speedup over baseline: {writer.EventsPerSecond / baseline.EventsPerSecond:0.00}x; chains verified: {writer.ChainsVerified}/{writer.Chains}");
            Console.WriteLine(Line("writer", writer));
            return costsComplete && writer.ChainsVerified == writer.Chains && writer.Stored == events ? 0 : 1;
        }
        finally
        {
            await fixture.DisposeAsync();
            await fauxqs.DisposeAsync();
        }
    }

    /// <summary>
    /// Prints, per kind and design, what the meter billed and the table kept, then the writer and the
    /// baseline over the mix. Returns false when a design did not store every message.
    /// </summary>
    private static async Task<bool> MeasureCostsAsync(
        CostMeasurement measurement, int events, int pollers, int groupsPerBatch, CostMix mix, CancellationToken cancellationToken)
    {
        Console.WriteLine($"// cost: {events} messages per kind on fresh tables, batches of {MessageBatches.BatchSize} holding {groupsPerBatch} groups each, {pollers} concurrent pollers; DynamoDB requests billed by the capacity meter, stored bytes scanned afterwards");
        var results = new List<CostResult>();
        foreach (var kind in EventKind.All)
        {
            foreach (var design in new Func<EventKind, CancellationToken, Task<CostResult>>[] { measurement.MeasureWriterAsync, measurement.MeasureBaselineAsync })
            {
                var started = Stopwatch.GetTimestamp();
                var result = await design(kind, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Detail()}; {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
                Console.WriteLine(result.Line());
                results.Add(result);
            }
        }

        Console.WriteLine($"// mix: {mix}");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"writer-cost: wru_per_event={mix.Average(results, "writer", r => r.WriteUnitsPerEvent):0.00} baseline_wru_per_event={mix.Average(results, "baseline", r => r.WriteUnitsPerEvent):0.00} stored_bytes_per_event={mix.Average(results, "writer", r => r.StoredBytesPerEvent):0}"));
        return results.All(r => r.Settled == r.Events);
    }

    private static string Line(string label, Result r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: events={r.Stored} events_per_s={r.EventsPerSecond:0} ddb_requests_per_event={r.Requests / (double)r.Stored:0.000}");

    private static List<List<QueuedMessage>>[] Batches(int events, int pollers, int groupsPerBatch) =>
        MessageBatches.Build(events, pollers, groupsPerBatch, i => Some.Json(Some.TypicalEvent(i)));

    private static async Task<Result> RunWriterAsync(
        DynamoDbLocalFixture fixture, IAmazonS3 s3, string bucket, List<List<QueuedMessage>>[] work, int pollers, int parallelGroups, bool verify, CancellationToken cancellationToken)
    {
        var table = await fixture.CreateTableAsync("writer");
        var counter = DynamoDbLocalFixture.CreateFaultInjector();
        using var client = fixture.CreateClient(counter);
        var handler = WriterComposition.CreateHandler(
            new WriterSettings { TableName = table, Environment = "bench", ArchiveBucket = bucket }, client, s3, TimeProvider.System, TextWriter.Null, maxParallelGroups: parallelGroups);
        var stored = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(p => Task.Run(async () =>
        {
            foreach (var batch in work[p])
            {
                var sqsEvent = new SqsEvent(batch.Select(m => new SqsMessage(m.MessageId, m.Body, new SqsMessageAttributes(m.GroupId, "1", null, null))).ToList());
                var report = await handler.HandleAsync(sqsEvent, cancellationToken);
                if (report.FailedMessageIds.Count > 0)
                {
                    throw new InvalidOperationException($"{report.FailedMessageIds.Count} messages failed without injected faults.");
                }

                Interlocked.Add(ref stored, report.Count(MessageOutcome.Accepted));
            }
        }, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var requests = counter.Requests;
        var puts = counter.RequestsByOperation.GetValueOrDefault("PutItem");

        var chains = work.SelectMany(w => w).SelectMany(b => b).Select(m => m.GroupId).Distinct().ToList();
        var verified = 0;
        if (verify)
        {
            using var plain = fixture.CreateClient();
            var reader = new AuditTrailReader(plain, table);
            var verifier = new ChainVerifier(new AuditEventValidator());
            foreach (var chain in chains)
            {
                var result = await verifier.VerifyAsync(chain, reader.ReadChainAsync(chain, cancellationToken: cancellationToken), cancellationToken: cancellationToken);
                verified += result.IsIntact ? 1 : 0;
            }
        }

        return new Result(stored, stored / elapsed.TotalSeconds, requests, chains.Count, verified, puts);
    }

    private static async Task<Result> RunBaselineAsync(
        DynamoDbLocalFixture fixture, List<List<QueuedMessage>>[] work, int pollers, CancellationToken cancellationToken)
    {
        var table = await fixture.CreateTableAsync("baseline");
        var counter = DynamoDbLocalFixture.CreateFaultInjector();
        using var client = fixture.CreateClient(counter);
        var validator = new AuditEventValidator();
        var stored = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(p => Task.Run(async () =>
        {
            foreach (var batch in work[p])
            {
                foreach (var message in batch)
                {
                    // The seed design: validate, then one PutItem per message with the seed
                    // attributes; no chain, no guard, no index items.
                    await client.PutItemAsync(SeedDesign.Put(table, message, validator, Rfc3339.ToSortable(TimeProvider.System.GetUtcNow().UtcDateTime)), cancellationToken);
                    Interlocked.Increment(ref stored);
                }
            }
        }, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Result(stored, stored / elapsed.TotalSeconds, counter.Requests, 0, 0, stored);
    }

    private static string? Text(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    private sealed record Result(int Stored, double EventsPerSecond, int Requests, int Chains, int ChainsVerified, int ItemsWritten);
}
