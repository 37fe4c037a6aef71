using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Chain;

public sealed class RecordProjectionTests
{
    private readonly AuditEventValidator _validator = new();

    public static TheoryData<int> MixedPositions => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(MixedPositions))]
    public void TryRead_LinkedRecord_DerivesWhatTheLinkerStored(int index)
    {
        var record = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt)[index].Record;

        var projection = RecordProjection.TryRead(record.Body, _validator, out var problem);

        problem.ShouldBeNull();
        projection.ShouldNotBeNull();
        (projection.ChainId, projection.Seq, projection.Status, projection.EventId, projection.EventType, projection.ReceivedAt, projection.Format)
            .ShouldBe((record.ChainId, record.Seq, record.Status, record.EventId, record.EventType, record.ReceivedAt, RecordFormat.Current));
        ShouldMatch(projection.Seed, record.Seed);
    }

    [Fact]
    public void TryRead_QuarantinedPayloadLongerThanThePreview_DerivesWhatTheLinkerStored()
    {
        var payload = JsonEdit.Set(Entries.RejectedPayload, "padding", new string('p', QuarantinedPayload.PreviewMaxBytes * 3));
        var record = ChainLinker.Link("chain-a", ChainHead.Genesis, [Entries.Rejected(payload: payload)], Some.ReceivedAt)[0].Record;

        var projection = RecordProjection.TryRead(record.Body, _validator, out _);

        projection.ShouldNotBeNull();
        ShouldMatch(projection.Seed, record.Seed);
    }

    [Fact]
    public void TryRead_UnknownStatus_IsAProblem()
    {
        var body = """{"chainId":"c","format":2,"messageId":"m","receivedAt":"t","seq":1,"status":"pending"}""";

        var projection = RecordProjection.TryRead(body, _validator, out var problem);

        projection.ShouldBeNull();
        problem.ShouldBe("unknown status 'pending'");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"chainId":"c","seq":1,"status":"accepted"}""")]
    [InlineData("""{"chainId":"c","receivedAt":"t","seq":"1","status":"accepted"}""")]
    [InlineData("""{"chainId":"c","receivedAt":"t","seq":1,"status":"rejected"}""")]
    public void TryRead_BodyThatIsNotARecord_IsAProblem(string body)
    {
        var projection = RecordProjection.TryRead(body, _validator, out var problem);

        projection.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith("body is not a readable record (");
    }

    [Fact]
    public void TryRead_StoredEventThatNoLongerValidates_NamesTheRejection()
    {
        var body = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Access(), Some.ReceivedAt).Record.Body
            .Replace("\"type\":\"user\"", "\"type\":\"robot\"", StringComparison.Ordinal);

        RecordProjection.TryRead(body, _validator, out var problem).ShouldBeNull();

        problem.ShouldBe("stored event no longer satisfies the contract: invalid_field: field 'actor.type' must be 'user' or 'service'");
    }

    private static void ShouldMatch(SeedAttributes actual, SeedAttributes expected)
    {
        actual.ShouldBe(expected with { ResponseRecordIds = actual.ResponseRecordIds });
        actual.ResponseRecordIds.ShouldBe(expected.ResponseRecordIds);
    }
}
