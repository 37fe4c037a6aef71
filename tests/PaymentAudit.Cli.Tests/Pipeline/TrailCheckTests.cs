using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Core.History;
using PaymentAudit.Local.Demos;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Pipeline;

[Collection(LocalPipelineCollection.Name)]
public sealed class TrailCheckTests
{
    // No history index ran: the chains are verified on their own.
    private static readonly Dictionary<string, ChainWatermark> NoCommitments = new(StringComparer.Ordinal);
    private readonly LocalPipelineFixture _emulators;

    public TrailCheckTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task StoredEventInTheDeadLetterQueue_CannotHideAMissingEvent_AndTheDeadLetterQueueIsLeftAsItWas()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();
        using var dynamoDb = _emulators.DynamoDb.CreateClient();
        using var s3 = _emulators.Sqs.CreateS3Client();
        var stored = Some.AccessEvent(eventId: "evt-stored-" + Guid.NewGuid().ToString("N"));
        await StoreThroughTheWriterAsync(sqs, dynamoDb, s3, resources, Some.Json(stored));

        // The same event also sits in the dead-letter queue, and another sent event is nowhere.
        await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = resources.DeadLetterQueueUrl,
            MessageBody = Some.Json(stored),
            MessageGroupId = "g-1",
            MessageDeduplicationId = "d-1",
        });
        var ledger = new SendLedger();
        ledger.EventSent(stored.EventId);
        ledger.EventSent("evt-missing-" + Guid.NewGuid().ToString("N"));

        var check = await new TrailCheck(new AuditTrailReader(dynamoDb, resources.TableName), NoCommitments, sqs, resources.DeadLetterQueueUrl)
            .RunAsync(ledger, CancellationToken.None);

        check.Stored.ShouldBe(1);
        check.DeadLettered.ShouldBe(1);
        check.Missing.ShouldBe(1);
        check.Lost.ShouldBe(1, "a stored event in the dead-letter queue must not stand in for a missing one");
        check.StoredAndDeadLettered.ShouldBe(1);
        var afterwards = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = resources.DeadLetterQueueUrl,
            MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount],
        });
        afterwards.Messages.ShouldHaveSingleItem().Attributes[MessageSystemAttributeName.ApproximateReceiveCount].ShouldBe("1", "the check must not have received it");
    }

    private static async Task StoreThroughTheWriterAsync(AmazonSQSClient sqs, Amazon.DynamoDBv2.AmazonDynamoDBClient dynamoDb, Amazon.S3.AmazonS3Client s3, LocalResources resources, string body)
    {
        await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = resources.QueueUrl,
            MessageBody = body,
            MessageGroupId = "g-1",
            MessageDeduplicationId = Guid.NewGuid().ToString("N"),
        });
        var source = LocalPipelineFixture.WriterEventSource(sqs, dynamoDb, s3, resources);
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => source.Snapshot().Completed == 1, TimeSpan.FromSeconds(30), "the writer stored the event");
        await stop.CancelAsync();
        await running;
    }
}
