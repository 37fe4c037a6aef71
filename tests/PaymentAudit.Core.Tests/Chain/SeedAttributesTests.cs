using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Chain;

public sealed class SeedAttributesTests
{
    [Fact]
    public void From_AccessEvent_ProjectsActorTimeFirstQueriedIdResponseAndResult()
    {
        var seed = SeedAttributes.From(Some.AccessEvent(actorId: "user-ana"));

        seed.UserId.ShouldBe("user-ana");
        seed.Timestamp.ShouldBe("2026-11-23T09:15:00.1230000Z");
        seed.QueryRecordId.ShouldBe("pay-1001");
        seed.ResponseRecordIds.ShouldBe(["pay-1001"]);
        seed.QueryResult.ShouldBe("denied");
    }

    [Fact]
    public void From_QueryByDescription_UsesTheDescriptionAsQueriedRecord()
    {
        var seed = SeedAttributes.From(Some.MinimalAccessEvent());

        seed.QueryRecordId.ShouldBe("opened the payment detail page");
        seed.ResponseRecordIds.ShouldBeEmpty();
        seed.QueryResult.ShouldBe("success");
    }

    [Fact]
    public void From_PaymentEvent_UsesThePaymentIdAsQueriedRecord()
    {
        var seed = SeedAttributes.From(Some.PaymentEvent(paymentId: "pay-77"));

        seed.UserId.ShouldBe("svc-settlement");
        seed.QueryRecordId.ShouldBe("pay-77");
        seed.ResponseRecordIds.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-11-23T09:15:00Z", "2026-11-23T09:15:00.0000000Z")]
    [InlineData("2026-11-23T09:15:00.5Z", "2026-11-23T09:15:00.5000000Z")]
    [InlineData("2026-11-23T09:15:00.123456789Z", "2026-11-23T09:15:00.1234567Z")]
    public void From_Timestamp_IsFixedWidthSoItSortsAsText(string occurredAt, string expected)
    {
        var seed = SeedAttributes.From(Some.AccessEvent() with { OccurredAt = occurredAt });

        seed.Timestamp.ShouldBe(expected);
    }

    [Fact]
    public void FromRejected_PayloadWithAReadableActor_KeepsTheActorAndTheReceiveTime()
    {
        var seed = SeedAttributes.FromRejected(SeedAttributes.ReadActorId(Entries.RejectedPayload), Some.ReceivedAt);

        seed.ShouldBe(seed with { UserId = "user-eve", Timestamp = Some.ReceivedAt, QueryRecordId = SeedAttributes.Unknown, QueryResult = SeedAttributes.Unknown });
        seed.ResponseRecordIds.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"actor":"user-eve"}""")]
    [InlineData("""{"actor":{"id":7}}""")]
    [InlineData("""{"actor":{"id":"user eve"}}""")]
    [InlineData("""{"actor":{"id":""}}""")]
    [InlineData("""{"actor":{"id":"\ud800"}}""")]
    public void FromRejected_PayloadWithoutAUsableActorId_RecordsUnknown(string payload)
    {
        var seed = SeedAttributes.FromRejected(SeedAttributes.ReadActorId(payload), Some.ReceivedAt);

        seed.UserId.ShouldBe(SeedAttributes.Unknown);
    }
}
