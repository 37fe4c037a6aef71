using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Provisioning;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Lifetime;

/// <summary>A persisting local stack keeps its table and queued messages from one run to the next.</summary>
[Collection(LocalRunCollection.Name)]
public sealed class PersistenceTests : IDisposable
{
    private readonly string _dataDirectory = TestFolders.Create();

    [Fact]
    public async Task PersistedStack_StoppedAndStartedAgain_KeepsTheTableItemsAndTheQueuedMessages()
    {
        var settings = Persisted(LoopbackPort.FindFree(), LoopbackPort.FindFree());
        await using (var first = await LocalEnvironment.StartAsync(settings))
        {
            await first.DynamoDb.PutItemAsync(first.Resources.TableName, new() { ["pk"] = new AttributeValue("KEEP"), ["sk"] = new AttributeValue("ME") });
            await first.Sqs.SendMessageAsync(new SendMessageRequest
            {
                QueueUrl = first.Resources.QueueUrl,
                MessageBody = "kept",
                MessageGroupId = "g-1",
                MessageDeduplicationId = "d-1",
            });
        }

        // Another visibility timeout: the kept queue is updated, not refused.
        await using var second = await LocalEnvironment.StartAsync(settings with
        {
            InvocationTimeout = TimeSpan.FromSeconds(10),
            VisibilityTimeout = TimeSpan.FromSeconds(60),
        });

        var item = await second.DynamoDb.GetItemAsync(second.Resources.TableName, new() { ["pk"] = new AttributeValue("KEEP"), ["sk"] = new AttributeValue("ME") });
        item.IsItemSet.ShouldBeTrue();
        (await QueueDepth.ReadAsync(second.Sqs, second.Resources.QueueUrl)).Visible.ShouldBe(1);
        var attributes = await second.Sqs.GetQueueAttributesAsync(second.Resources.QueueUrl, [QueueAttributeName.VisibilityTimeout]);
        attributes.VisibilityTimeout.ShouldBe(60);
    }

    [Fact]
    public async Task SecondPersistingRun_OnTheSameDataFolder_IsRefused()
    {
        await using var first = await LocalEnvironment.StartAsync(Persisted(LoopbackPort.FindFree(), LoopbackPort.FindFree()));
        var otherPorts = Persisted(LoopbackPort.FindFree(), LoopbackPort.FindFree());

        var error = await Should.ThrowAsync<EmulatorStartException>(() => LocalEnvironment.StartAsync(otherPorts));

        error.Message.ShouldContain($"The data folder '{_dataDirectory}' is in use by another local run");
        LoopbackPort.IsTaken(otherPorts.DynamoDbPort).ShouldBeFalse();
        LoopbackPort.IsTaken(otherPorts.SqsPort).ShouldBeFalse();
    }

    public void Dispose() => TestFolders.TryDelete(_dataDirectory);

    private LocalSettings Persisted(int dynamoDbPort, int sqsPort) => TestSettings.On(dynamoDbPort, sqsPort, _dataDirectory) with { InMemory = false };
}
