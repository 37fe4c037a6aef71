using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
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

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// Feeds the same events, in SQS batches of 10, to the chain writer and to a put-per-message
/// baseline (the seed design), both against one DynamoDB Local in this process, and prints
/// events/s and DynamoDB requests per event for each. It then probes the same DynamoDB Local for
/// the items/s it accepts through each write shape, which bounds the ratio any design can reach
/// here. Usage: harness writer [--events N] [--concurrency C] [--groups-per-batch G] [--warmup W]
/// [--parallel-groups P] [--probe-items I].
/// </summary>
public sealed class WriterHarness : IHarness
{
    private const int BatchSize = 10;

    public string Name => "writer";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var events = Option(args, "--events", 10_000);
        var concurrency = Option(args, "--concurrency", 4);
        var groupsPerBatch = Math.Min(BatchSize, Option(args, "--groups-per-batch", 2));
        var warmup = Option(args, "--warmup", 2_000);
        var parallelGroups = Option(args, "--parallel-groups", int.MaxValue);
        var probeItems = Option(args, "--probe-items", 8_000);
        var fixture = new DynamoDbLocalFixture();
        var fauxqs = new FauxqsFixture();
        await Task.WhenAll(fixture.InitializeAsync(), fauxqs.InitializeAsync());
        using var s3 = fauxqs.CreateS3Client();
        try
        {
            var batches = Batches(events, concurrency, groupsPerBatch);
            Console.WriteLine($"// {events} events of ~{Some.Json(Some.TypicalEvent(0)).Length} bytes, batches of {BatchSize} holding {groupsPerBatch} groups each, {concurrency} concurrent pollers, groups appended {(parallelGroups == int.MaxValue ? "all at once" : $"{parallelGroups} at a time")}, warm-up {warmup} events");

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
            return writer.ChainsVerified == writer.Chains && writer.Stored == events ? 0 : 1;
        }
        finally
        {
            await fixture.DisposeAsync();
            await fauxqs.DisposeAsync();
        }
    }

    private static string Line(string label, Result r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: events={r.Stored} events_per_s={r.EventsPerSecond:0} ddb_requests_per_event={r.Requests / (double)r.Stored:0.000}");

    /// <summary>Partitions events into batches; poller p gets the groups congruent to p so no group spans pollers.</summary>
    private static List<List<QueuedMessage>>[] Batches(int events, int pollers, int groupsPerBatch)
    {
        var groups = Math.Max(pollers * groupsPerBatch, events / 50);
        var perGroup = new List<QueuedMessage>[groups];
        for (var g = 0; g < groups; g++)
        {
            perGroup[g] = [];
        }

        for (var i = 0; i < events; i++)
        {
            var group = i % groups;
            perGroup[group].Add(new QueuedMessage($"m-{i:D7}", Some.Json(Some.TypicalEvent(i)), $"chain-{group:D4}", 1));
        }

        var result = new List<List<QueuedMessage>>[pollers];
        for (var p = 0; p < pollers; p++)
        {
            var mine = Enumerable.Range(0, groups).Where(g => g % pollers == p).Select(g => new Queue<QueuedMessage>(perGroup[g])).ToList();
            var batches = new List<List<QueuedMessage>>();
            for (var pair = 0; pair < mine.Count; pair += groupsPerBatch)
            {
                var together = mine.Skip(pair).Take(groupsPerBatch).ToList();
                while (together.Any(q => q.Count > 0))
                {
                    var batch = new List<QueuedMessage>(BatchSize);
                    foreach (var queue in together)
                    {
                        for (var k = 0; k < BatchSize / groupsPerBatch && queue.Count > 0; k++)
                        {
                            batch.Add(queue.Dequeue());
                        }
                    }

                    batches.Add(batch);
                }
            }

            result[p] = batches;
        }

        return result;
    }

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
                    // The seed design: validate, then one unconditional-key PutItem per message with the
                    // seed attributes; no chain, no guard, no index items.
                    var e = validator.Validate(message.Body).Event!;
                    var seed = SeedAttributes.From(e);
                    await client.PutItemAsync(new PutItemRequest
                    {
                        TableName = table,
                        Item = new Dictionary<string, AttributeValue>
                        {
                            ["pk"] = new() { S = $"EVENT#{e.EventId}" },
                            ["sk"] = new() { S = "EVENT" },
                            ["user_id"] = new() { S = seed.UserId },
                            ["timestamp"] = new() { S = seed.Timestamp },
                            ["query_record_id"] = new() { S = seed.QueryRecordId },
                            ["response_record_ids"] = new() { L = seed.ResponseRecordIds.Select(id => new AttributeValue { S = id }).ToList() },
                            ["query_result"] = new() { S = seed.QueryResult },
                            ["body"] = new() { S = message.Body },
                        },
                        ConditionExpression = "attribute_not_exists(pk)",
                    }, cancellationToken);
                    Interlocked.Increment(ref stored);
                }
            }
        }, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Result(stored, stored / elapsed.TotalSeconds, counter.Requests, 0, 0, stored);
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }
        }

        return fallback;
    }

    private sealed record Result(int Stored, double EventsPerSecond, int Requests, int Chains, int ChainsVerified, int ItemsWritten);
}
