using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Verification;

/// <summary>
/// Stores a trail in the table exactly as the writer would have stored it, without going through
/// the queue: each message is validated into a <see cref="ChainEntry"/> (<see cref="ChainEntry.FromMessage"/>),
/// linked after its chain's head (<see cref="ChainLinker"/>) and mapped to its item
/// (<see cref="AuditItemMapper"/>), and every chain gets its directory entry. Only the request
/// differs: items go out in <c>BatchWriteItem</c> requests of 25, several in flight, with unprocessed
/// items sent again, instead of one conditional put each.
/// </summary>
/// <remarks>
/// Message k of the trail goes to group <c>audit-(k mod chains)</c>, named as the client library's
/// hashing strategies name groups. The mix is the verifier micro-benchmark's: 39% typical queries
/// (~1 KB), 40% record views, 20% payments, and 1% messages that are not events (stored quarantined,
/// with previews short enough that nothing is archived).
/// </remarks>
internal sealed class TrailSeeder
{
    /// <summary>Items per <c>BatchWriteItem</c> request: DynamoDB's maximum.</summary>
    public const int BatchSize = 25;

    private const string NotAnEvent = "{\"schemaVersion\":1,\"eventType\":\"payment.record.viewed\"}";
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly int _requestsInFlight;
    private long _recordsLinked;
    private long _itemsWritten;
    private long _requests;
    private long _retries;
    private long _accepted;
    private long _quarantined;
    private long _bodyCharacters;

    /// <summary>Creates a seeder writing to <paramref name="table"/> with <paramref name="requestsInFlight"/> requests at a time.</summary>
    public TrailSeeder(IAmazonDynamoDB client, string table, int requestsInFlight)
    {
        _client = client;
        _table = table;
        _requestsInFlight = requestsInFlight;
    }

    /// <summary>Records linked so far (written or waiting to be).</summary>
    public long RecordsLinked => Interlocked.Read(ref _recordsLinked);

    /// <summary>Items the table has accepted so far (records and directory entries).</summary>
    public long ItemsWritten => Interlocked.Read(ref _itemsWritten);

    /// <summary>The group id, as the client library names it, of group <paramref name="index"/> of <paramref name="chains"/>.</summary>
    public static string GroupId(int index, int chains) =>
        "audit-" + index.ToString("D" + Math.Max(2, (chains - 1).ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The message body of message <paramref name="index"/> of the trail.</summary>
    public static string Body(int index) => (index % 100) switch
    {
        0 => NotAnEvent,
        < 40 => Some.Json(Some.TypicalEvent(index)),
        < 80 => Some.Json(Some.RecordViewedEvent(index)),
        _ => Some.Json(Some.PaymentEvent(minute: index, paymentId: $"pay-{index % 1_000_000:D6}")),
    };

    /// <summary>Stores <paramref name="records"/> records over <paramref name="chains"/> chains and returns what was written.</summary>
    public async Task<SeedResult> SeedAsync(int records, int chains, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var batches = Channel.CreateBounded<List<WriteRequest>>(new BoundedChannelOptions(_requestsInFlight * 4) { SingleReader = false, SingleWriter = false });
        var senders = Enumerable.Range(0, _requestsInFlight).Select(_ => Task.Run(() => SendAsync(batches.Reader, cancellationToken), cancellationToken)).ToList();

        var chainIds = Enumerable.Range(0, chains).Select(c => ChainIds.FromGroupId(GroupId(c, chains))).ToList();
        try
        {
            // The writer lists a chain before its first record; here every entry goes first.
            var registeredAt = Rfc3339.ToSortable(DateTime.UtcNow);
            foreach (var batch in chainIds.Select(c => Put(AuditItemMapper.ToDirectoryItem(c, registeredAt))).Chunk(BatchSize))
            {
                await batches.Writer.WriteAsync([.. batch], cancellationToken);
            }

            var nextChain = -1;
            var linkers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(
                async () =>
                {
                    var validator = new AuditEventValidator();
                    int chain;
                    while ((chain = Interlocked.Increment(ref nextChain)) < chains)
                    {
                        await LinkChainAsync(chainIds[chain], chain, chains, records, validator, batches.Writer, cancellationToken);
                    }
                },
                cancellationToken)).ToList();
            await Task.WhenAll(linkers);
        }
        finally
        {
            batches.Writer.TryComplete();
        }

        await Task.WhenAll(senders);
        return new SeedResult(
            records,
            chains,
            ItemsWritten,
            Interlocked.Read(ref _requests),
            Interlocked.Read(ref _retries),
            Interlocked.Read(ref _accepted),
            Interlocked.Read(ref _quarantined),
            Interlocked.Read(ref _bodyCharacters) / (double)Math.Max(1, records),
            Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Links messages k = chain, chain + chains, ... of the trail into one chain, in order, and queues their items.</summary>
    private async Task LinkChainAsync(
        string chainId, int chain, int chains, int records, AuditEventValidator validator, ChannelWriter<List<WriteRequest>> batches, CancellationToken cancellationToken)
    {
        var head = ChainHead.Genesis;
        var batch = new List<WriteRequest>(BatchSize);
        for (var index = chain; index < records; index += chains)
        {
            var entry = ChainEntry.FromMessage(Guid.NewGuid().ToString(), Body(index), validator);
            if (entry.Payload is { PreviewTruncated: true })
            {
                throw new InvalidOperationException($"Message {index} would be archived; the harness stores no archive.");
            }

            var linked = ChainLinker.Link(chainId, head, entry, Rfc3339.ToSortable(DateTime.UtcNow));
            head = linked.Head;
            Interlocked.Increment(ref entry.IsAccepted ? ref _accepted : ref _quarantined);
            Interlocked.Add(ref _bodyCharacters, linked.Record.Body.Length);
            Interlocked.Increment(ref _recordsLinked);
            batch.Add(Put(AuditItemMapper.ToRecordItem(linked.Record)));
            if (batch.Count == BatchSize)
            {
                await batches.WriteAsync(batch, cancellationToken);
                batch = new List<WriteRequest>(BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            await batches.WriteAsync(batch, cancellationToken);
        }
    }

    /// <summary>Sends queued batches until there are no more, sending unprocessed items again with a growing pause.</summary>
    private async Task SendAsync(ChannelReader<List<WriteRequest>> batches, CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.ReadAllAsync(cancellationToken))
        {
            var pending = batch;
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0)
                {
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1_000, 25 << Math.Min(attempt, 6))), cancellationToken);
                }

                var response = await _client.BatchWriteItemAsync(
                    new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>> { [_table] = pending } }, cancellationToken);
                Interlocked.Increment(ref _requests);
                var unprocessed = response.UnprocessedItems?.GetValueOrDefault(_table) ?? [];
                Interlocked.Add(ref _itemsWritten, pending.Count - unprocessed.Count);
                pending = unprocessed;
            }
        }
    }

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new() { PutRequest = new PutRequest { Item = item } };
}
