using System.Text;
using System.Text.Json;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.Provisioning;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Pipeline;

[Collection(LocalPipelineCollection.Name)]
public sealed class LocalEventSourceTests
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(1);
    private readonly LocalPipelineFixture _emulators;

    public LocalEventSourceTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task ReportedFailure_IsRedeliveredUntilMaxReceiveCount_ThenTheQueueMovesItToTheDeadLetterQueue()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 2, Visibility);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "poison", "g-1");
        await SendAsync(sqs, resources.QueueUrl, "fine", "g-2");
        var receiveCounts = new List<string>();
        var source = new LocalEventSource(sqs, new EventSourceOptions { QueueUrl = resources.QueueUrl, VisibilityTimeout = Visibility, Receivers = 1 }, (input, _) =>
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

                    failed.Add($"{{\"itemIdentifier\":\"{record.GetProperty("messageId").GetString()}\"}}");
                }
            }

            return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"batchItemFailures\":[{string.Join(",", failed)}]}}")));
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
    public async Task FunctionThatThrows_DeletesNothing_AndTheBatchComesBackAfterTheVisibilityTimeout()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5, Visibility);
        using var sqs = _emulators.Sqs.CreateClient();
        await SendAsync(sqs, resources.QueueUrl, "a", "g-1");
        var invocations = 0;
        var source = new LocalEventSource(sqs, new EventSourceOptions { QueueUrl = resources.QueueUrl, VisibilityTimeout = Visibility, Receivers = 1 }, (_, _) =>
            Interlocked.Increment(ref invocations) == 1
                ? throw new InvalidOperationException("function crashed")
                : Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("{\"batchItemFailures\":[]}"))));
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => source.Snapshot().Completed == 1, TimeSpan.FromSeconds(30), "the message was completed on its second delivery");
        await stop.CancelAsync();
        await running;

        var snapshot = source.Snapshot();
        snapshot.FailedInvocations.ShouldBe(1);
        snapshot.Redelivered.ShouldBe(1);
        (await QueueDepth.ReadAsync(sqs, resources.QueueUrl)).Total.ShouldBe(0);
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
