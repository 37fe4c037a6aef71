using Amazon.DynamoDBv2;
using Amazon.S3;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Capacity;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Writer;
using PaymentAudit.Writer.Configuration;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Sqs;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// Feeds one kind of message to the writer, or to the seed design, on a fresh table with a
/// <see cref="CapacityMeter"/> under its DynamoDB client, then scans what the table stores.
/// </summary>
/// <param name="fixture">The DynamoDB Local to measure against.</param>
/// <param name="s3">S3 client for the writer's payload archive (not metered: only DynamoDB is).</param>
/// <param name="createBucket">Creates a fresh archive bucket and returns its name.</param>
/// <param name="events">Messages per kind.</param>
/// <param name="pollers">Concurrent pollers, as in the throughput runs.</param>
/// <param name="groupsPerBatch">Message groups (chains) per batch of 10.</param>
internal sealed class CostMeasurement(
    DynamoDbLocalFixture fixture, IAmazonS3 s3, Func<string, Task<string>> createBucket, int events, int pollers, int groupsPerBatch)
{
    /// <summary>
    /// The writer as composed for Lambda, on its own table and archive bucket, in the steady state:
    /// chains live as long as the deployment (a producer writes to the same message groups for
    /// years), so each chain gets its first record (and its one chain-directory entry, ever) from an
    /// unmetered writer before the metered run. Stored bytes are what the metered run added.
    /// </summary>
    public async Task<CostResult> MeasureWriterAsync(EventKind kind, CancellationToken cancellationToken)
    {
        var table = await fixture.CreateTableAsync($"cost-writer-{kind.Name}");
        var bucket = await createBucket("cost");
        var settings = new WriterSettings { TableName = table, Environment = "bench", ArchiveBucket = bucket };
        var settled = 0;
        var result = await MeasureAsync(
            kind,
            "writer",
            table,
            async (unmetered, work) =>
            {
                var warm = WriterComposition.CreateHandler(settings, unmetered, s3, TimeProvider.System, TextWriter.Null);
                var firsts = work.SelectMany(p => p).SelectMany(b => b).Select(m => m.GroupId).Distinct(StringComparer.Ordinal)
                    .Select((group, i) => new SqsMessage($"warm-{group}", kind.Body(1_000_000 + i), new SqsMessageAttributes(group, "1", null, null)))
                    .ToList();
                var report = await warm.HandleAsync(new SqsEvent(firsts), cancellationToken);
                if (report.FailedMessageIds.Count > 0)
                {
                    throw new InvalidOperationException($"{report.FailedMessageIds.Count} warm-up messages failed without injected faults.");
                }
            },
            async (client, work) =>
            {
                var handler = WriterComposition.CreateHandler(settings, client, s3, TimeProvider.System, TextWriter.Null);
                await RunPollersAsync(work, async batch =>
                {
                    var sqsEvent = new SqsEvent(batch.Select(m => new SqsMessage(m.MessageId, m.Body, new SqsMessageAttributes(m.GroupId, "1", null, null))).ToList());
                    var report = await handler.HandleAsync(sqsEvent, cancellationToken);
                    Interlocked.Add(ref settled, report.Count(kind.IsValid ? MessageOutcome.Accepted : MessageOutcome.Rejected));
                }, cancellationToken);
            },
            cancellationToken);
        return result with { Settled = settled };
    }

    /// <summary>The seed design: one PutItem per message.</summary>
    public async Task<CostResult> MeasureBaselineAsync(EventKind kind, CancellationToken cancellationToken)
    {
        using var plain = fixture.CreateClient();
        var table = await SeedDesign.CreateTableAsync(plain, $"cost-baseline-{kind.Name}", cancellationToken);
        var validator = new AuditEventValidator();
        var settled = 0;
        var result = await MeasureAsync(kind, "baseline", table, prepare: null, async (client, work) =>
        {
            await RunPollersAsync(work, async batch =>
            {
                foreach (var message in batch)
                {
                    var receivedAt = Rfc3339.ToSortable(TimeProvider.System.GetUtcNow().UtcDateTime);
                    await client.PutItemAsync(SeedDesign.Put(table, message, validator, receivedAt), cancellationToken);
                    Interlocked.Increment(ref settled);
                }
            }, cancellationToken);
        }, cancellationToken);
        return result with { Settled = settled };
    }

    private static Task RunPollersAsync(List<List<QueuedMessage>>[] work, Func<List<QueuedMessage>, Task> process, CancellationToken cancellationToken) =>
        Task.WhenAll(work.Select(batches => Task.Run(
            async () =>
            {
                foreach (var batch in batches)
                {
                    await process(batch);
                }
            },
            cancellationToken)));

    private async Task<CostResult> MeasureAsync(
        EventKind kind,
        string design,
        string table,
        Func<IAmazonDynamoDB, List<List<QueuedMessage>>[], Task>? prepare,
        Func<IAmazonDynamoDB, List<List<QueuedMessage>>[], Task> run,
        CancellationToken cancellationToken)
    {
        using var plain = fixture.CreateClient();

        // The table as DynamoDB created it, so a change of keys or projections is measured without editing this harness.
        var shape = TableShape.From((await plain.DescribeTableAsync(table, cancellationToken)).Table);
        var work = MessageBatches.Build(events, pollers, groupsPerBatch, kind.Body, kind.Name);
        var before = StorageFootprint.None;
        if (prepare is not null)
        {
            await prepare(plain, work);
            before = await StorageScan.MeasureAsync(plain, table, shape, cancellationToken);
        }

        using var faults = new FaultInjectingHandler(new CapacityMeter(new SocketsHttpHandler(), shape));
        var meter = (CapacityMeter)faults.InnerHandler!;
        using (var client = fixture.CreateClient(faults))
        {
            await run(client, work);
        }

        var storage = (await StorageScan.MeasureAsync(plain, table, shape, cancellationToken)).Minus(before);
        await plain.DeleteTableAsync(table, cancellationToken);
        return new CostResult(kind.Name, design, events, 0, meter.ByOperation, meter.IndexWriteUnits, storage);
    }
}
