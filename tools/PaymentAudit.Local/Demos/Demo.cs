using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Client;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Http.Ingestion;
using PaymentAudit.Local.Digests;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.History;
using PaymentAudit.Local.Provisioning;

namespace PaymentAudit.Local.Demos;

/// <summary>
/// The demo: with the local event source running the real writer, sends a realistic stream through
/// the client library and, when an endpoint is given, partly over HTTP (plus a few raw messages a
/// misbehaving app sends); shows the client masking a card number in free text and refusing one
/// used as an identifier; writes a signed digest halfway and another once the queue has drained;
/// runs the history indexer; verifies the digests with the public key and every chain against the
/// heads the index and the digests committed; answers two auditor questions, and reports
/// <c>demo: sent=.. stored=.. quarantined=.. dlq=.. lost=.. chains_verified=k/k</c>.
/// </summary>
public sealed class Demo
{
    private const int ShownRows = 8;
    private const int HttpShare = 4;
    private const int MaxHttpAttempts = 10;
    private readonly IAmazonSQS _sqs;
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly IAmazonS3 _s3;
    private readonly LocalHistory _history;
    private readonly LocalResources _resources;
    private readonly LocalEventSource _eventSource;
    private readonly DemoOptions _options;
    private readonly TextWriter _output;

    /// <summary>Creates a demo.</summary>
    /// <param name="sqs">Client of the local queues (the applications' and the auditor's).</param>
    /// <param name="dynamoDb">Client the auditor reads the table with.</param>
    /// <param name="s3">Client of the archive bucket, where the history index is.</param>
    /// <param name="resources">Table and queues.</param>
    /// <param name="eventSource">The event source feeding the writer; the demo runs it.</param>
    /// <param name="options">Volume and shape of the traffic.</param>
    /// <param name="output">Where progress and results are printed.</param>
    public Demo(IAmazonSQS sqs, IAmazonDynamoDB dynamoDb, IAmazonS3 s3, LocalResources resources, LocalEventSource eventSource, DemoOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sqs = sqs;
        _dynamoDb = dynamoDb;
        _s3 = s3;
        _history = new LocalHistory(dynamoDb, s3, resources, TimeProvider.System);
        _resources = resources;
        _eventSource = eventSource;
        _options = options.Validate();
        _output = output;
    }

    /// <summary>Runs the demo and returns what it proved.</summary>
    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var groups = MessageGroupStrategy.HashOfActor(_options.MessageGroups);
        var traffic = new DemoTraffic(_options.Seed, groups, started, _options.Events);
        var items = traffic.Draw(_options.Events);
        var ledger = new SendLedger();
        var transport = _options.HttpEndpoint is { } endpoint
            ? $"client calls (every {HttpShare}th posted to {new Uri(endpoint, EventRoutes.Events)} instead)"
            : "client calls";
        Print($"demo: {items.Count} events from {items.Count(i => !i.IsRaw)} {transport} and {items.Count(i => i.IsRaw)} raw messages, "
            + $"{_options.MessageGroups} message groups, {_options.Callers} concurrent callers");
        var keyFolder = _options.DigestKeyPath is null ? Directory.CreateTempSubdirectory("paymentaudit-demo-") : null;
        try
        {
            using var digests = new LocalDigests(
                _dynamoDb, _s3, _resources, _options.DigestKeyPath ?? Path.Combine(keyFolder!.FullName, "digest-signing-key.pem"), TimeProvider.System);
            return await RunAsync(traffic, items, ledger, digests, started, groups, cancellationToken);
        }
        finally
        {
            keyFolder?.Delete(recursive: true);
        }
    }

    private async Task<DemoResult> RunAsync(
        DemoTraffic traffic, IReadOnlyList<DemoItem> items, SendLedger ledger, LocalDigests digests, DateTimeOffset started, IMessageGroupStrategy groups, CancellationToken cancellationToken)
    {

        using var stopSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = _eventSource.RunAsync(stopSource.Token);
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReportProgressAsync(items.Count, ledger, progressStop.Token);
        var clock = Stopwatch.StartNew();
        bool drained;
        Task<DigestRun> halfway;
        try
        {
            using var http = _options.HttpEndpoint is { } endpoint ? new HttpClient { BaseAddress = endpoint } : null;
            await using (var trail = AuditTrail.Create(_sqs, new AuditTrailOptions { QueueUrl = _resources.QueueUrl, GroupStrategy = groups }))
            {
                await ShowCardNumbersAsync(trail, traffic, ledger, cancellationToken);
                halfway = await SendAsync(trail, http, groups, items, ledger, digests, cancellationToken);
            }

            Print($"sent: {ledger.Sent} accepted by SQS in {clock.Elapsed.TotalSeconds:0.0} s; waiting for the queue to drain");
            drained = await WaitUntilDrainedAsync(cancellationToken);
        }
        finally
        {
            await progressStop.CancelAsync();
            await progress;
            await stopSource.CancelAsync();
            await polling;
        }

        var pipelineTime = clock.Elapsed;
        if (!drained)
        {
            Print($"warning: the queue did not drain within {_options.DrainTimeout.TotalSeconds:0} s");
        }

        var counters = _eventSource.Snapshot();
        Print($"event source: {counters.Invocations} batches, {counters.Received} received ({counters.Redelivered} redelivered), "
            + $"{counters.ReportedFailures} reported failed, {counters.FailedInvocations} failed invocations, {counters.TimedOutInvocations} timed out");

        var digestRuns = new List<DigestRun> { await halfway };
        await Task.Delay(TimeSpan.FromSeconds(1.1), cancellationToken); // digests are keyed by the second they were made in
        var digesting = Stopwatch.StartNew();
        digestRuns.Add(await digests.DigestAsync(cancellationToken));
        var digestTime = digesting.Elapsed;
        digesting.Restart();
        var digestCheck = await digests.VerifyAsync(cancellationToken);
        Print($"digests: written={digestRuns.Count} ({string.Join(", ", digestRuns.Select(d => $"{d.Key}: {d.Chains} chains, {d.Moved} moved"))}); "
            + string.Create(CultureInfo.InvariantCulture, $"the last one read {digestRuns[^1].Chains} chain heads, signed and stored in {digestTime.TotalSeconds:0.00} s"));
        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"digests: verified={digestCheck.Verified}/{digestCheck.Digests} with the public key alone in {digesting.Elapsed.TotalSeconds:0.00} s, {digestCheck.Violations.Count} findings"));
        foreach (var violation in digestCheck.Violations.Take(10))
        {
            Print($"  digest violation: {violation}");
        }

        var indexing = Stopwatch.StartNew();
        var run = await _history.Indexer.RunAsync(cancellationToken);
        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"index: generation={run.Generation} chains={run.Chains} records={run.RecordsIndexed} rows={run.RowsWritten} segments={run.SegmentsWritten} problems={run.Problems.Count} in {indexing.Elapsed.TotalSeconds:0.0} s"));
        Print("verifying every chain ...");
        var verifying = Stopwatch.StartNew();
        var commitments = await _history.CommitmentsAsync(cancellationToken);
        var check = await new TrailCheck(_history.Reader, commitments, digestCheck, _sqs, _resources.DeadLetterQueueUrl).RunAsync(ledger, cancellationToken);
        Print($"verified: {check.ChainsVerified}/{check.Chains} chains intact against the index's and the digests' heads, "
            + $"{check.Stored + check.Quarantined} records read in {verifying.Elapsed.TotalSeconds:0.0} s");
        foreach (var violation in check.Violations.Take(10))
        {
            Print($"  chain violation: {violation}");
        }

        await PrintWhoAccessedAsync(DemoTraffic.HotRecordId, cancellationToken);
        await PrintActorWindowAsync(DemoTraffic.FeaturedActorId, started - DemoTraffic.Window + TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15), cancellationToken);

        var result = new DemoResult(
            ledger.Sent, check.Stored, check.Quarantined, check.DeadLettered, check.Lost, check.Doubled, check.Chains, check.ChainsVerified, drained, pipelineTime,
            check.StoredAndDeadLettered, check.Redacted, check.ClearCardNumbers, digestRuns.Count, digestCheck.Verified, digestCheck.Violations.Count, ledger.Posted);
        if (result.Doubled > 0)
        {
            Print($"error: {result.Doubled} messages were stored more than once");
        }

        Print($"card numbers: masked_by_client={ledger.Masked} masked_by_writer={result.Redacted} refused_by_client={ledger.Refused} stored_in_clear={result.ClearCardNumbers}");
        if (result.ClearCardNumbers > 0)
        {
            Print($"error: {result.ClearCardNumbers} stored records hold a card number in the clear");
        }

        if (result.StoredAndDeadLettered > 0)
        {
            Print($"warning: {result.StoredAndDeadLettered} dead-lettered messages are also stored: the writer stored them, but their success never reached the queue");
        }

        if (_options.HttpEndpoint is not null)
        {
            Print($"http: {ledger.Posted} events posted over HTTP and stored with the rest");
        }

        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"throughput: {result.Sent} events through client -> SQS -> writer -> DynamoDB in {pipelineTime.TotalSeconds:0.0} s = {result.EventsPerSecond:0} events/s"));
        Print(result.OverlapLine);
        Print(result.SummaryLine);
        return result;
    }

    // A card number in free text is masked and the event sent; one used as an identifier cannot be
    // masked without losing what the id means, so the client refuses that event.
    private async Task ShowCardNumbersAsync(IAuditTrail trail, DemoTraffic traffic, SendLedger ledger, CancellationToken cancellationToken)
    {
        var inText = traffic.EventWithCardNumber();
        new AuditEventValidator().TrySerialize(inText, out _, out _, out var fields);
        var eventId = await trail.RecordAsync(inText, cancellationToken);
        ledger.EventSent(eventId);
        ledger.EventMasked();
        Print($"client: card number masked in {string.Join(", ", fields)} before sending event {eventId}");
        try
        {
            await trail.RecordAsync(traffic.EventWithCardNumberAsId(), cancellationToken);
            Print("error: the client sent an event whose id is a card number");
        }
        catch (AuditEventRejectedException ex)
        {
            ledger.EventRefused();
            Print($"client: {ex.Message}");
        }
    }

    // Sends every item from concurrent callers; the caller that takes the middle item starts the
    // halfway digest, made while the writer is busy, as a scheduled digest is.
    private async Task<Task<DigestRun>> SendAsync(
        IAuditTrail trail, HttpClient? http, IMessageGroupStrategy groups, IReadOnlyList<DemoItem> items, SendLedger ledger, LocalDigests digests, CancellationToken cancellationToken)
    {
        var next = -1;
        var halfway = new TaskCompletionSource<Task<DigestRun>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Math.Min(_options.Callers, items.Count)).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < items.Count)
                {
                    if (index == items.Count / 2)
                    {
                        halfway.SetResult(digests.DigestAsync(cancellationToken));
                    }

                    var overHttp = http is not null && index % HttpShare == 1;
                    await SendOneAsync(trail, overHttp ? http : null, groups, items[index], ledger, cancellationToken);
                }
            },
            cancellationToken));
        await Task.WhenAll(callers);
        return await halfway.Task;
    }

    private async Task SendOneAsync(IAuditTrail trail, HttpClient? http, IMessageGroupStrategy groups, DemoItem item, SendLedger ledger, CancellationToken cancellationToken)
    {
        if (item.Event is { } posted && http is not null)
        {
            await PostAsync(http, groups, posted, ledger, cancellationToken);
            return;
        }

        if (item.Event is { } auditEvent)
        {
            try
            {
                ledger.EventSent(await trail.RecordAsync(auditEvent, cancellationToken));
            }
            catch (AuditDeliveryException ex)
            {
                ledger.EventUndelivered();
                Print($"client: not delivered: {ex.Message}");
            }

            return;
        }

        // A misbehaving application writing to the queue directly, bypassing the client's checks.
        var response = await _sqs.SendMessageAsync(
            new SendMessageRequest
            {
                QueueUrl = _resources.QueueUrl,
                MessageBody = item.RawBody,
                MessageGroupId = item.RawGroupId,
                MessageDeduplicationId = Guid.NewGuid().ToString("N"),
            },
            cancellationToken);
        ledger.RawSent(response.MessageId);
    }

    // An application without the client library: one POST per event, the group named in the header
    // so the event joins the chain its actor's other events are in; a 503 is retried after the
    // Retry-After it carries, as the endpoint asks.
    private async Task PostAsync(HttpClient http, IMessageGroupStrategy groups, AuditEvent auditEvent, SendLedger ledger, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(auditEvent, AuditEventJsonContext.Default.AuditEvent);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, EventRoutes.Events)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(EventRoutes.GroupHeader, groups.GetMessageGroupId(auditEvent));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                ledger.EventSent(answer.RootElement.GetProperty("eventId").GetString()!);
                ledger.EventPosted();
                return;
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == MaxHttpAttempts)
            {
                ledger.EventUndelivered();
                Print($"http: not delivered: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return;
            }

            await Task.Delay(RetryAfter(response.Headers.RetryAfter), cancellationToken);
        }
    }

    private static TimeSpan RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromSeconds(1);

    private async Task<bool> WaitUntilDrainedAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (deadline.Elapsed < _options.DrainTimeout)
        {
            var depth = await QueueDepth.ReadAsync(_sqs, _resources.QueueUrl, cancellationToken);
            if (depth.Total == 0 && _eventSource.Snapshot().InFlightBatches == 0)
            {
                return true;
            }

            await poll.WaitForNextTickAsync(cancellationToken);
        }

        return false;
    }

    private async Task ReportProgressAsync(int total, SendLedger ledger, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var counters = _eventSource.Snapshot();
                var depth = await QueueDepth.ReadAsync(_sqs, _resources.QueueUrl, stoppingToken);
                Print($"progress: sent {ledger.Sent}/{total}  written {counters.Completed}  in queue {depth.Total}"
                    + $"  retried {counters.ReportedFailures + counters.FailedInvocations + counters.TimedOutInvocations}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PrintWhoAccessedAsync(string recordId, CancellationToken cancellationToken)
    {
        var accesses = await CollectAsync(_history.Query.QueryAsync(HistoryKind.Record, recordId, cancellationToken: cancellationToken));
        Print(string.Empty);
        Print($"query: who accessed payment record {recordId}? {accesses.Count} accesses, oldest first");
        Print($"  {"when (UTC)",-23}  {"who",-17} {"how",-18} {"result",-8} {"event",-24} where");
        foreach (var access in accesses.Take(ShownRows))
        {
            Print($"  {Readable(access.Timestamp),-23}  {access.ActorId,-17} {access.Reference,-18} {access.Result,-8} {access.EventType,-24} {access.ChainId}#{access.Seq}");
        }

        PrintMore(accesses.Count);
    }

    private async Task PrintActorWindowAsync(string userId, DateTimeOffset from, TimeSpan length, CancellationToken cancellationToken)
    {
        var to = from + length;
        var entries = await CollectAsync(_history.Query.QueryAsync(
            HistoryKind.Actor, userId, Rfc3339.ToSortable(from.UtcDateTime), Rfc3339.ToSortable(to.UtcDateTime), cancellationToken));
        Print(string.Empty);
        Print($"query: what did {userId} access between {from.UtcDateTime:HH:mm} and {to.UtcDateTime:HH:mm} UTC? {entries.Count} events");
        Print($"  {"when (UTC)",-23}  {"event",-24} {"result",-11} where");
        foreach (var entry in entries.Take(ShownRows))
        {
            var status = entry.Status == RecordStatus.Accepted ? entry.Result : "quarantined";
            Print($"  {Readable(entry.Timestamp),-23}  {entry.EventType ?? "-",-24} {status,-11} {entry.ChainId}#{entry.Seq}");
        }

        PrintMore(entries.Count);
        Print(string.Empty);
    }

    private static async Task<List<HistoryRow>> CollectAsync(IAsyncEnumerable<HistoryRow> rows)
    {
        var list = new List<HistoryRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    private static string Readable(string sortableUtc) =>
        DateTime.TryParse(sortableUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when)
            ? when.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : sortableUtc;

    private void PrintMore(int count)
    {
        if (count > ShownRows)
        {
            Print($"  ... and {count - ShownRows} more");
        }
    }

    private void Print(string line)
    {
        lock (_output)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
