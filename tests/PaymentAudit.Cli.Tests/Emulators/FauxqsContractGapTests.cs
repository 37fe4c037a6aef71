using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Client;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Emulators;

/// <summary>
/// Where fauxqs 2.4.1 (the pinned version) differs from SQS in ways this project meets, pinned so
/// that an upgrade which closes a gap fails here and the workaround and docs/local.md get updated.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class FauxqsContractGapTests
{
    private const string Emoji = "\U0001F600";
    private readonly LocalPipelineFixture _emulators;

    public FauxqsContractGapTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task BodyWithAnEmojiSentAsIs_IsRefusedByFauxqs_ThoughSqsAcceptsIt()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();

        // SQS allows #x10000 to #x10FFFF; fauxqs checks UTF-16 units and sees two lone surrogates.
        var error = await Should.ThrowAsync<AmazonSQSException>(() => sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = resources.QueueUrl,
            MessageBody = $$"""{"note":"{{Emoji}}"}""",
            MessageGroupId = "g-1",
            MessageDeduplicationId = "d-1",
        }));

        error.ErrorCode.ShouldEndWith("InvalidMessageContents");
    }

    [Fact]
    public async Task EventWithAnEmojiSentThroughTheClient_ReachesFauxqs_BecauseTheClientEscapesNonAscii()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();
        var auditEvent = Some.AccessEvent() with { Query = new PaymentAudit.Core.Contract.QueryDetails(["pay-1001"], "refund review " + Emoji) };

        await using (var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = resources.QueueUrl }))
        {
            await trail.RecordAsync(auditEvent, CancellationToken.None);
        }

        (await QueueDepth.ReadAsync(sqs, resources.QueueUrl)).Visible.ShouldBe(1);
    }
}
