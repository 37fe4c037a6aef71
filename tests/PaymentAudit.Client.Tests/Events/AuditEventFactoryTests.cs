using PaymentAudit.Client.Tests.Support;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Events;

public sealed class AuditEventFactoryTests
{
    private static readonly Actor Ana = new("user-ana", ActorTypes.User);
    private static readonly Origin Backoffice = new("backoffice-web", "10.1.2.3", "req-1");
    private readonly ObservedTimeProvider _time = new();

    [Fact]
    public void RecordsQueried_BuildsAValidEventAtTheInjectedTime()
    {
        var built = new AuditEventFactory(_time).RecordsQueried(Ana, Backoffice, new QueryDetails(["pay-1", "pay-2"]), ["pay-1"]);

        ShouldBeValid(built);
        built.EventType.ShouldBe(AuditEventTypes.RecordsQueried);
        built.OccurredAt.ShouldBe("2026-11-23T09:00:00.000Z");
        built.Response!.RecordIds.ShouldBe(["pay-1"]);
        Guid.Parse(built.EventId).Version.ShouldBe(7);
    }

    [Fact]
    public void RecordViewed_Denied_ListsNoRecordAsReturned()
    {
        var built = new AuditEventFactory(_time).RecordViewed(Ana, Backoffice, "pay-9", new Outcome(OutcomeResults.Denied, "not permitted"));

        ShouldBeValid(built);
        built.Query!.RecordIds.ShouldBe(["pay-9"]);
        built.Response!.RecordIds.ShouldBeEmpty();
    }

    [Fact]
    public void PaymentProcessed_BuildsAValidEventWithThePayment()
    {
        var built = new AuditEventFactory(_time).PaymentProcessed(new Actor("svc-settlement", ActorTypes.Service), new Origin("settlement"), new PaymentDetails("pay-3", "10.00", "EUR"));

        ShouldBeValid(built);
        built.Payment!.PaymentId.ShouldBe("pay-3");
    }

    [Fact]
    public void RecordViewed_TwoCallsAsTimePasses_GivesIncreasingIds()
    {
        var factory = new AuditEventFactory(_time);
        var first = factory.RecordViewed(Ana, Backoffice, "pay-1");
        _time.Advance(TimeSpan.FromMilliseconds(2));

        var second = factory.RecordViewed(Ana, Backoffice, "pay-1");

        string.CompareOrdinal(second.EventId, first.EventId).ShouldBePositive();
    }

    private static void ShouldBeValid(AuditEvent built) =>
        new AuditEventValidator().Validate(Some.Json(built)).IsValid.ShouldBeTrue();
}
