using System.Text.Json;
using Amazon.SQS.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Http.Tests.Support;
using PaymentAudit.Local;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Http.Tests.Integration;

/// <summary>
/// Events posted to the endpoint travel the whole local pipeline (fauxqs, the real writer through
/// the local event source, DynamoDB Local): stored once, in order per group, verifiable; refused
/// ones get the code the writer gives the same body.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class EndToEndTests(LocalPipeline emulators)
{
    // As deployed: the visibility timeout is six times the invocation timeout, so a batch slowed by a
    // busy machine is never received again while it is still being written.
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Visibility = InvocationTimeout * EventSourceOptions.VisibilityTimeoutFactor;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EventsPostedOverHttp_AreStoredOnceInSendOrderPerGroupAndEveryChainVerifies()
    {
        var resources = await emulators.ProvisionAsync(Visibility);
        using var sqs = emulators.Sqs.CreateClient();
        using var dynamoDb = emulators.DynamoDb.CreateClient();
        using var s3 = emulators.Sqs.CreateS3Client();
        using var stop = new CancellationTokenSource();
        var writer = LocalWriter.CreateEventSource(sqs, dynamoDb, s3, resources, Options(resources, receivers: 2), TextWriter.Null, parallelGroups: 2);
        var writing = writer.RunAsync(stop.Token);
        await using var endpoint = await RunningEndpoint.StartAsync(sqs, resources.QueueUrl);
        var actors = new[] { "user-ana", "user-bo", "svc-batch" };

        // Per actor: single posts, then a batch, then the first event again (a retry after a lost answer).
        var sent = await Task.WhenAll(actors.Select(async actor =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var e = Some.AccessEvent(eventId: $"{actor}-{i:D2}", actorId: actor, minute: i);
                (await endpoint.PostAsync("/v1/events", Some.Json(e))).Status.ShouldBe(202);
                ids.Add(e.EventId);
            }

            var batch = Enumerable.Range(8, 5).Select(i => Some.AccessEvent(eventId: $"{actor}-{i:D2}", actorId: actor, minute: i)).ToList();
            var reply = await endpoint.PostAsync("/v1/events/batch", "[" + string.Join(",", batch.Select(Some.Json)) + "]");
            reply.Status.ShouldBe(202);
            reply.Body.GetProperty("accepted").GetArrayLength().ShouldBe(5);
            ids.AddRange(batch.Select(e => e.EventId));

            var again = Some.AccessEvent(eventId: $"{actor}-00", actorId: actor, minute: 0);
            (await endpoint.PostAsync("/v1/events", Some.Json(again))).Status.ShouldBe(202);
            return (actor, ids);
        }));

        var reader = new AuditTrailReader(dynamoDb, resources.TableName);
        await EventuallyAsync(async () => (await ReadAllAsync(reader, actors)).Sum(chain => chain.Count) >= 3 * 13, "39 records were stored");
        await stop.CancelAsync();
        await writing;

        var chains = await ReadAllAsync(reader, actors);
        var verifier = new ChainVerifier(new AuditEventValidator());
        foreach (var (actor, ids) in sent)
        {
            var chain = chains[Array.IndexOf(actors, actor)];
            chain.Select(r => r.Record.EventId).ShouldBe(ids, $"chain {actor} holds each event once, in send order");
            chain.ShouldAllBe(r => r.Record.Status == RecordStatus.Accepted);
            (await verifier.VerifyAsync(actor, chain.ToAsyncEnumerable())).IsIntact.ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("invalid/missing_field__actor.json")]
    [InlineData("invalid/invalid_timestamp__april-31.json")]
    [InlineData("invalid/unknown_field__top-level.json")]
    [InlineData("beyond-schema/duplicate_field__event-id.json")]
    [InlineData("beyond-schema/forbidden_content__amex-as-event-id.json")]
    public async Task EventRefusedOverHttp_GetsTheCodeTheWriterGivesTheSameBody(string sample)
    {
        var resources = await emulators.ProvisionAsync(Visibility);
        using var sqs = emulators.Sqs.CreateClient();
        using var dynamoDb = emulators.DynamoDb.CreateClient();
        using var s3 = emulators.Sqs.CreateS3Client();
        using var stop = new CancellationTokenSource();
        var writer = LocalWriter.CreateEventSource(sqs, dynamoDb, s3, resources, Options(resources, receivers: 1), TextWriter.Null, parallelGroups: 1);
        var writing = writer.RunAsync(stop.Token);
        await using var endpoint = await RunningEndpoint.StartAsync(sqs, resources.QueueUrl);
        var body = Corpus.Read(sample);

        var reply = await endpoint.PostAsync("/v1/events", body);
        await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = resources.QueueUrl,
            MessageBody = body,
            MessageGroupId = "direct",
            MessageDeduplicationId = Guid.NewGuid().ToString("N"),
        });
        var reader = new AuditTrailReader(dynamoDb, resources.TableName);
        await EventuallyAsync(async () => (await ReadAllAsync(reader, ["direct"]))[0].Count == 1, "the writer quarantined the body");
        await stop.CancelAsync();
        await writing;

        var stored = (await ReadAllAsync(reader, ["direct"]))[0].ShouldHaveSingleItem();
        stored.Record.Status.ShouldBe(RecordStatus.Rejected);
        using var record = JsonDocument.Parse(stored.Record.Body);
        reply.Status.ShouldBe(400);
        reply.Code.ShouldBe(record.RootElement.GetProperty("rejection").GetProperty("code").GetString());
        (await reader.ListChainIdsAsync()).ShouldBe(["direct"], "nothing posted over HTTP reached the trail");
    }

    private static async Task<List<StoredRecord>[]> ReadAllAsync(AuditTrailReader reader, string[] chainIds)
    {
        var chains = new List<StoredRecord>[chainIds.Length];
        for (var i = 0; i < chainIds.Length; i++)
        {
            chains[i] = [];
            await foreach (var record in reader.ReadChainAsync(chainIds[i]))
            {
                chains[i].Add(record);
            }
        }

        return chains;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {Patience.TotalSeconds:0} s waiting until {what}.");
            }

            await poll.WaitForNextTickAsync();
        }
    }

    private static EventSourceOptions Options(LocalResources resources, int receivers) => new()
    {
        QueueUrl = resources.QueueUrl,
        InvocationTimeout = InvocationTimeout,
        VisibilityTimeout = Visibility,
        RetryDelay = TimeSpan.FromSeconds(1),
        Receivers = receivers,
    };
}
