using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Http;
using PaymentAudit.Local.Demos;
using PaymentAudit.Testing.DynamoDb;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Pipeline;

[Collection(LocalPipelineCollection.Name)]
public sealed class DemoPipelineTests
{
    private readonly LocalPipelineFixture _emulators;

    public DemoPipelineTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task Demo_OnTheEmulators_StoresEveryEventOnceAndEveryChainVerifies()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();
        using var dynamoDb = _emulators.DynamoDb.CreateClient();
        using var s3 = _emulators.Sqs.CreateS3Client();
        var eventSource = LocalPipelineFixture.WriterEventSource(sqs, dynamoDb, s3, resources);
        await using var http = await HttpIngestionHost.StartAsync(sqs, new HttpIngestionOptions { QueueUrl = resources.QueueUrl, Port = 0 });
        var output = new StringWriter();

        var result = await new Demo(sqs, dynamoDb, s3, resources, eventSource, TestDemos.Small(200) with { HttpEndpoint = http.BaseAddress }, output)
            .RunAsync(CancellationToken.None);

        // 200 drawn items (two invalid raw messages, one raw message with a card number) plus the
        // client's masked event; the event whose id is a card number is refused and never sent.
        result.Sent.ShouldBe(201);
        result.Quarantined.ShouldBe(2, "the two invalid raw messages");
        result.Stored.ShouldBe(199);
        result.Redacted.ShouldBe(1, "the raw message the writer masked (the client's masked event arrives clean)");
        result.ClearCardNumbers.ShouldBe(0);
        result.DeadLettered.ShouldBe(0);
        result.Lost.ShouldBe(0);
        result.StoredAndDeadLettered.ShouldBe(0);
        result.Doubled.ShouldBe(0);
        result.Chains.ShouldBeGreaterThan(10);
        result.ChainsVerified.ShouldBe(result.Chains);
        result.Posted.ShouldBe(50, "every fourth item (1, 5, 9, ...) that is not a raw message; the seeded stream puts no raw message there");
        result.DigestsWritten.ShouldBe(2);
        result.DigestsVerified.ShouldBe(2);
        result.DigestViolations.ShouldBe(0);
        result.Succeeded.ShouldBeTrue();
        var lines = output.ToString().TrimEnd().Split('\n');
        lines[^1].ShouldBe($"demo: sent=201 stored=199 quarantined=2 dlq=0 lost=0 chains_verified={result.Chains}/{result.Chains}");
        lines[^2].ShouldBe("demo: stored_and_dead_lettered=0");
        lines[^3].ShouldContain("events/s");
        output.ToString().ShouldContain("rejected before sending: forbidden_content");
        output.ToString().ShouldContain("client: card number masked in query.description");
        output.ToString().ShouldContain("card numbers: masked_by_client=1 masked_by_writer=1 refused_by_client=1 stored_in_clear=0");
        output.ToString().ShouldContain("query: who accessed payment record pr_00001?");
        output.ToString().ShouldMatch(@"digests: verified=2/2 with the public key alone in [0-9.]+ s, 0 findings");
    }

    [Fact]
    public async Task Demo_WriterFailsTransientlyMidway_LosesNothingAndEveryChainVerifies()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 10);
        using var sqs = _emulators.Sqs.CreateClient();
        using var dynamoDb = _emulators.DynamoDb.CreateClient();
        var faults = DynamoDbLocalFixture.CreateFaultInjector(seed: 5);
        using var writerDynamoDb = _emulators.DynamoDb.CreateClient(faults);
        using var s3 = _emulators.Sqs.CreateS3Client();
        var eventSource = LocalPipelineFixture.WriterEventSource(sqs, writerDynamoDb, s3, resources);
        var demo = new Demo(sqs, dynamoDb, s3, resources, eventSource, TestDemos.Small(300), new StringWriter());

        // Healthy at first, then a burst of throttling and server errors on a third of the writer's
        // calls, then healthy again: the failed messages must come back and be stored exactly once.
        var outage = Task.Run(async () =>
        {
            await Eventually.HoldsAsync(() => eventSource.Snapshot().Completed >= 30, TimeSpan.FromSeconds(60), "30 messages were written");
            faults.FaultRate = 0.33;
            await Eventually.HoldsAsync(() => faults.InjectedFaults >= 25, TimeSpan.FromSeconds(60), "25 faults were injected");
            faults.FaultRate = 0;
        });
        var result = await demo.RunAsync(CancellationToken.None);
        await outage;

        faults.InjectedFaults.ShouldBeGreaterThanOrEqualTo(25);
        eventSource.Snapshot().Redelivered.ShouldBeGreaterThan(0);
        eventSource.Snapshot().ReportedFailures.ShouldBeGreaterThan(0);
        result.Sent.ShouldBe(301);
        result.Lost.ShouldBe(0);
        result.Doubled.ShouldBe(0);
        (result.Stored + result.Quarantined + result.DeadLettered).ShouldBe(301);
        result.ChainsVerified.ShouldBe(result.Chains);
        result.Succeeded.ShouldBeTrue();
    }
}
