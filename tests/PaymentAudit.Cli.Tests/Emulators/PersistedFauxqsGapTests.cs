using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Testing.Fauxqs;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Emulators;

/// <summary>
/// fauxqs 2.4.1 with a data folder fails ChangeMessageVisibility to 0 (its SQLite write sets the
/// receive count to NULL against a NOT NULL column), then has lost the message from memory and
/// keeps its group locked until a restart. The local run therefore never sets a visibility below
/// 1 s (the event source's retry delay, the release of what a killed run left in flight).
/// </summary>
[Collection(LocalRunCollection.Name)]
public sealed class PersistedFauxqsGapTests : IDisposable
{
    private readonly string _dataDirectory = TestFolders.Create();

    [Fact]
    public async Task ChangeVisibilityToZero_OnAPersistedQueue_Fails_WhileOneSecondWorks()
    {
        await using var fauxqs = await FauxqsEmulator.StartAsync(LoopbackPort.FindFree(), _dataDirectory);
        using var sqs = SqsClients.Create(fauxqs.ServiceUrl);
        var queueUrl = await FifoQueues.CreateAsync(sqs, FifoQueues.UniqueName("gap"));
        foreach (var id in new[] { "a", "b" })
        {
            await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = id, MessageGroupId = id, MessageDeduplicationId = id });
        }

        var received = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, VisibilityTimeout = 60 })).Messages;
        received.Count.ShouldBe(2);

        await Should.ThrowAsync<AmazonSQSException>(() => sqs.ChangeMessageVisibilityAsync(queueUrl, received[0].ReceiptHandle, 0));
        await sqs.ChangeMessageVisibilityAsync(queueUrl, received[1].ReceiptHandle, 1);

        await Eventually.HoldsAsync(
            async () => (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 1 })).Messages is [{ Body: var body }]
                && body == received[1].Body,
            TimeSpan.FromSeconds(30),
            "the message made visible after 1 s is received again");
    }

    public void Dispose() => TestFolders.TryDelete(_dataDirectory);
}
