using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Recording;

public sealed class RecordAsyncTests
{
    [Fact]
    public async Task RecordAsync_ValidEvent_SendsContractJsonWithEventIdAsDeduplicationId()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);
        var auditEvent = Some.AccessEvent(actorId: "user-ana");

        var id = await trail.RecordAsync(auditEvent);

        id.ShouldBe(auditEvent.EventId);
        var sent = sqs.Entries.ShouldHaveSingleItem();
        sent.DeduplicationId.ShouldBe(auditEvent.EventId);
        sent.GroupId.ShouldBe("audit-45");
        sent.Body.ShouldBe(Some.Json(auditEvent));
    }

    [Fact]
    public async Task RecordAsync_EmptyEventId_GeneratesVersion7Id()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);

        var id = await trail.RecordAsync(Some.AccessEvent() with { EventId = string.Empty });

        Guid.Parse(id).Version.ShouldBe(7);
        sqs.Entries.ShouldHaveSingleItem().DeduplicationId.ShouldBe(id);
    }

    [Fact]
    public async Task RecordAsync_InvalidField_RejectsWithValidatorReasonAndSendsNothing()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);
        var invalid = Some.PaymentEvent() with { Payment = new PaymentDetails("pay-1", "12.5", "euro") };

        var rejected = await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(invalid));

        rejected.Rejection.Code.ShouldBe(RejectionCode.InvalidField);
        rejected.Message.ShouldContain("payment.currency");
        rejected.EventId.ShouldBe(invalid.EventId);
        sqs.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordAsync_PayloadOverLimit_RejectsAsOversize()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);
        var huge = Some.AccessEvent() with { Query = new QueryDetails(Description: new string('x', 70_000)) };

        var rejected = await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(huge));

        rejected.Rejection.Code.ShouldBe(RejectionCode.Oversize);
        sqs.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordAsync_StrategyReturnsInvalidGroupId_FailsWithoutSending()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = new SpaceyStrategy() });

        await Should.ThrowAsync<InvalidOperationException>(() => trail.RecordAsync(Some.AccessEvent()));

        sqs.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var trail = TestTrails.Create(new RecordingSqsClient());
        await trail.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => trail.RecordAsync(Some.AccessEvent()));
    }

    private sealed class SpaceyStrategy : IMessageGroupStrategy
    {
        public string GetMessageGroupId(AuditEvent auditEvent) => "not a valid group";
    }
}
