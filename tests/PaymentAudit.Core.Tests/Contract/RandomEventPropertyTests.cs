using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Contract;

/// <summary>Properties that hold for every valid event, checked on 300 generated ones.</summary>
public sealed class RandomEventPropertyTests
{
    private readonly AuditEventValidator _validator = new();

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 300)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomValidEvent_SerializedByTheContract_ValidatesAndRoundTrips(int seed)
    {
        var json = Some.Json(RandomEvents.Valid(seed));

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue($"{result.Rejection} in {json}");
        Some.Json(result.Event).ShouldBe(json);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomValidEvent_LinkedBody_IsCanonicalAndProjectsToTheStoredSeed(int seed)
    {
        var entry = ChainEntry.Accepted("m", RandomEvents.Valid(seed));

        var record = ChainLinker.Link("chain-p", ChainHead.Genesis, [entry], Some.ReceivedAt)[0].Record;

        JsonCanonicalizer.Canonicalize(record.Body).ShouldBe(record.Body);
        var projection = RecordProjection.TryRead(record.Body, _validator, out var problem).ShouldNotBeNull(problem);
        projection.Seed.ShouldBe(record.Seed with { ResponseRecordIds = projection.Seed.ResponseRecordIds });
        projection.Seed.ResponseRecordIds.ShouldBe(record.Seed.ResponseRecordIds);
    }
}
