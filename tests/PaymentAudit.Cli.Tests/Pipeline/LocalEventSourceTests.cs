using System.Text;
using System.Text.Json;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.Provisioning;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Pipeline;

[Collection(LocalPipelineCollection.Name)]
public sealed class LocalEventSourceTests
{
    // What local runs used before the visibility timeout followed the invocation timeout.
    private static readonly TimeSpan OldVisibilityTimeout = TimeSpan.FromSeconds(5);
    private readonly LocalPipelineFixture _emulators;

    public LocalEventSourceTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task SlowBatch_LongerThanTheOldVisibilityTimeout_IsReceivedOnceAndNeverRedelivered()
    {
        // The timeouts a local run uses by default: the deployed writer timeout, visibility six times it.
        var invocationTimeout = DeploymentConfig.ReadWriterTimeout(DeploymentConfig.PathOf(DeploymentConfig.LocalMirror));
        var visibilityTimeout = invocationTimeout * EventSourceOptions.VisibilityTimeoutFactor;
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5, visibilityTimeout);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "slow", "g-1");
        var invocations = 0;
        var options = new EventSourceOptions
        {
            QueueUrl = resources.QueueUrl,
            InvocationTimeout = invocationTimeout,
            VisibilityTimeout = visibilityTimeout,
            Receivers = 3,
        };
        var source = new LocalEventSource(sqs, options, async (_, cancellationToken) =>
        {
            Interlocked.Increment(ref invocations);

            // A writer slowed down by a saturated machine: the batch takes longer than the old visibility timeout.
            await Task.Delay(OldVisibilityTimeout + TimeSpan.FromSeconds(3), cancellationToken);
            return NoFailures();
        });
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => source.Snapshot().Completed == 1, TimeSpan.FromSeconds(60), "the slow batch was completed");
        await stop.CancelAsync();
        await running;

        Volatile.Read(ref invocations).ShouldBe(1, "the batch must not be handed out again while it is being written");
        var snapshot = source.Snapshot();
        snapshot.Received.ShouldBe(1);
        snapshot.Redelivered.ShouldBe(0);
        snapshot.TimedOutInvocations.ShouldBe(0);
        (await QueueDepth.ReadAsync(sqs, resources.QueueUrl)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task ReportedFailure_IsReceivedAgainAfterTheRetryDelay_NotAfterTheVisibilityTimeout()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "flaky", "g-1");
        var deliveries = 0;
        var options = LocalPipelineFixture.EventSourceFor(resources) with { Receivers = 1 };
        var source = new LocalEventSource(sqs, options, (input, _) =>
            Task.FromResult<Stream>(Interlocked.Increment(ref deliveries) == 1 ? FailEvery(input) : NoFailures()));
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        // The visibility timeout is two minutes; the retry must come long before it ends.
        await Eventually.HoldsAsync(
            () => source.Snapshot().Completed == 1, options.VisibilityTimeout / 4, "the failed message was received again and completed");
        await stop.CancelAsync();
        await running;

        var snapshot = source.Snapshot();
        snapshot.ReportedFailures.ShouldBe(1);
        snapshot.Redelivered.ShouldBe(1);
        snapshot.VisibilityErrors.ShouldBe(0);
    }

    [Fact]
    public async Task ReportedFailure_IsRetriedUntilMaxReceiveCount_ThenTheQueueMovesItToTheDeadLetterQueue()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 2);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "poison", "g-1");
        await SendAsync(sqs, resources.QueueUrl, "fine", "g-2");
        var receiveCounts = new List<string>();
        var options = LocalPipelineFixture.EventSourceFor(resources) with { Receivers = 1 };
        var source = new LocalEventSource(sqs, options, (input, _) =>
        {
            using var document = JsonDocument.Parse(input);
            var failed = new List<string>();
            foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
            {
                if (record.GetProperty("body").GetString() == "poison")
                {
                    lock (receiveCounts)
                    {
                        receiveCounts.Add(record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString()!);
                    }

                    failed.Add(record.GetProperty("messageId").GetString()!);
                }
            }

            return Task.FromResult<Stream>(Failures(failed));
        });
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Eventually.HoldsAsync(
            async () => (await QueueDepth.ReadAsync(sqs, resources.DeadLetterQueueUrl)).Total == 1
                && (await QueueDepth.ReadAsync(sqs, resources.QueueUrl)).Total == 0,
            TimeSpan.FromSeconds(30),
            "the poison message is in the dead-letter queue and the queue is empty");
        await stop.CancelAsync();
        await running;

        lock (receiveCounts)
        {
            receiveCounts.ShouldBe(["1", "2"]);
        }

        var snapshot = source.Snapshot();
        snapshot.Completed.ShouldBe(1);
        snapshot.ReportedFailures.ShouldBe(2);
    }

    [Fact]
    public async Task FunctionThatThrows_DeletesNothing_AndTheBatchIsRetriedAfterTheRetryDelay()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "a", "g-1");
        var invocations = 0;
        var options = LocalPipelineFixture.EventSourceFor(resources) with { Receivers = 1 };
        var source = new LocalEventSource(sqs, options, (_, _) =>
            Interlocked.Increment(ref invocations) == 1
                ? throw new InvalidOperationException("function crashed")
                : Task.FromResult<Stream>(NoFailures()));
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Eventually.HoldsAsync(
            () => source.Snapshot().Completed == 1, options.VisibilityTimeout / 4, "the message was completed on its second delivery");
        await stop.CancelAsync();
        await running;

        var snapshot = source.Snapshot();
        snapshot.FailedInvocations.ShouldBe(1);
        snapshot.Redelivered.ShouldBe(1);
        (await QueueDepth.ReadAsync(sqs, resources.QueueUrl)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task InvocationPastItsTimeout_IsCancelled_AndItsBatchIsRetriedOnceItStopped()
    {
        var invocationTimeout = TimeSpan.FromSeconds(3);
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5, invocationTimeout * EventSourceOptions.VisibilityTimeoutFactor);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "a", "g-1");
        var invocations = 0;
        var firstWasCancelled = false;
        var options = new EventSourceOptions
        {
            QueueUrl = resources.QueueUrl,
            InvocationTimeout = invocationTimeout,
            VisibilityTimeout = invocationTimeout * EventSourceOptions.VisibilityTimeoutFactor,
            Receivers = 1,
        };
        var source = new LocalEventSource(sqs, options, async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref invocations) == 1)
            {
                // Hangs until the event source gives up on it.
                using var hang = new SemaphoreSlim(0);
                try
                {
                    await hang.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    firstWasCancelled = true;
                    throw;
                }
            }

            return NoFailures();
        });
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => source.Snapshot().Completed == 1, TimeSpan.FromSeconds(30), "the message was completed on its second delivery");
        await stop.CancelAsync();
        await running;

        firstWasCancelled.ShouldBeTrue();
        var snapshot = source.Snapshot();
        snapshot.TimedOutInvocations.ShouldBeGreaterThanOrEqualTo(1);
        snapshot.AbandonedInvocations.ShouldBe(0, "a cancelled invocation that stops is retried, not abandoned");
        snapshot.Redelivered.ShouldBeGreaterThanOrEqualTo(1);
    }

    private static MemoryStream NoFailures() => Failures([]);

    private static MemoryStream Failures(IEnumerable<string> messageIds) => new MemoryStream(Encoding.UTF8.GetBytes(
        $"{{\"batchItemFailures\":[{string.Join(",", messageIds.Select(id => $"{{\"itemIdentifier\":\"{id}\"}}"))}]}}"));

    private static MemoryStream FailEvery(Stream input)
    {
        using var document = JsonDocument.Parse(input);
        return Failures(document.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("messageId").GetString()!).ToList());
    }

    private static Task<SendMessageResponse> SendAsync(Amazon.SQS.AmazonSQSClient sqs, string queueUrl, string body, string group) =>
        sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queueUrl,
            MessageBody = body,
            MessageGroupId = group,
            MessageDeduplicationId = Guid.NewGuid().ToString("N"),
        });
}
