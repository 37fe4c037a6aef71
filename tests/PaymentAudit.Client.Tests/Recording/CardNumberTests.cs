using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Recording;

/// <summary>
/// A card number never leaves the application: the client masks it (last four kept) and sends the
/// event, counts and logs the masking by field path only, and refuses only an event id holding one.
/// </summary>
public sealed class CardNumberTests
{
    private const string Pan = "4111 1111 1111 1111";

    [Fact]
    public async Task RecordAsync_CardNumberInDescription_SendsTheEventWithTheDigitsMasked()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);
        var withPan = Some.AccessEvent() with { Query = new QueryDetails(Description: "lookup of card " + Pan) };

        var id = await trail.RecordAsync(withPan);

        id.ShouldBe(withPan.EventId);
        var sent = sqs.Entries.ShouldHaveSingleItem();
        sent.Body.ShouldBe(Some.Json(withPan with { Query = new QueryDetails(Description: "lookup of card **** **** **** 1111") }));
        sent.DeduplicationId.ShouldBe(withPan.EventId);
        CardNumberDetector.ContainsCardNumber(sent.Body).ShouldBeFalse();
    }

    [Fact]
    public async Task RecordAsync_CardNumberInTheActorId_IsMaskedBeforeTheGroupStrategySeesIt()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs, TestTrails.Options() with { GroupStrategy = new ActorIdGroupStrategy() });

        await trail.RecordAsync(Some.AccessEvent(actorId: "4111111111111111"));

        var sent = sqs.Entries.ShouldHaveSingleItem();
        sent.GroupId.ShouldBe("************1111");
        sent.Body.ShouldNotContain("4111111111111111");
    }

    [Fact]
    public async Task RecordAsync_CardNumber_IsCountedAndLoggedByFieldPathWithoutTheDigits()
    {
        var sqs = new RecordingSqsClient();
        var logger = new RecordingLogger();
        await using var trail = TestTrails.Create(sqs, logger: logger);
        using var metrics = new MeterRecorder(trail.Meter);
        var withPan = Some.AccessEvent(queried: ["pay-1", "4111-1111-1111-1111"]) with
        {
            Outcome = new Outcome(OutcomeResults.Denied, "card " + Pan + " blocked"),
        };

        await trail.RecordAsync(withPan);
        await trail.RecordAsync(Some.AccessEvent());

        metrics.Sum(AuditTrailMetrics.EventsRedacted).ShouldBe(1);
        metrics.Sum(AuditTrailMetrics.EventsAccepted).ShouldBe(2);
        var line = logger.Lines.Where(l => l.Message.Contains("masked", StringComparison.Ordinal)).ShouldHaveSingleItem().Message;
        line.ShouldContain(withPan.EventId);
        line.ShouldContain("query.recordIds[1], outcome.reason");
        logger.Lines.ShouldAllBe(l => !l.Message.Contains("1111 1111") && !l.Message.Contains("1111-1111"));
    }

    [Fact]
    public async Task RecordAsync_CardNumberInTheEventId_RejectsAsForbiddenContentWithoutEchoingIt()
    {
        var sqs = new RecordingSqsClient();
        var logger = new RecordingLogger();
        await using var trail = TestTrails.Create(sqs, logger: logger);
        using var metrics = new MeterRecorder(trail.Meter);

        var rejected = await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(Some.AccessEvent(eventId: "evt-4111111111111111")));

        rejected.Rejection.Code.ShouldBe(RejectionCode.ForbiddenContent);
        rejected.EventId.ShouldBe("evt-************1111");
        rejected.Message.ShouldNotContain("4111111111111111");
        logger.Lines.ShouldAllBe(l => !l.Message.Contains("4111111111111111"));
        metrics.Sum(AuditTrailMetrics.EventsRejected).ShouldBe(1);
        metrics.Sum(AuditTrailMetrics.EventsRedacted).ShouldBe(0);
        sqs.Batches.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordAsync_CardNumberInAnOtherwiseInvalidEvent_RejectsWithTheRuleTheMaskedEventBreaks()
    {
        var sqs = new RecordingSqsClient();
        await using var trail = TestTrails.Create(sqs);
        var invalid = Some.AccessEvent(queried: [Pan]);

        var rejected = await Should.ThrowAsync<AuditEventRejectedException>(() => trail.RecordAsync(invalid));

        rejected.Rejection.Code.ShouldBe(RejectionCode.InvalidField);
        rejected.Message.ShouldContain("query.recordIds[0]");
        rejected.Message.ShouldNotContain("1111 1111");
        sqs.Batches.ShouldBeEmpty();
    }
}
