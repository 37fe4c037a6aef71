using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// <see cref="AuditEventValidator.TrySerialize"/> checks the event object instead of parsing its
/// JSON back; these tests hold it to the same verdict, reason for reason, as the writer's
/// <see cref="AuditEventValidator.Validate(string)"/> gives the JSON it produced.
/// </summary>
public sealed class TrySerializeTests
{
    private readonly AuditEventValidator _validator = new();

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 1_500)];

    public static TheoryData<int> ValidSeeds => [.. Enumerable.Range(0, 300)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BrokenEvent_GetsTheVerdictItsJsonGets(int seed)
    {
        var auditEvent = EventMutations.Mutated(seed);

        var valid = _validator.TrySerialize(auditEvent, out var json, out var rejection);

        json.ShouldBe(Some.Json(auditEvent));
        var expected = _validator.Validate(json);
        valid.ShouldBe(expected.IsValid, $"{rejection} vs {expected.Rejection} for {json}");
        rejection.ShouldBe(expected.Rejection, json);
    }

    [Fact]
    public void Mutations_BreakMostEventsInManyWays()
    {
        // Guards the test above against a generator that stopped producing interesting cases.
        var verdicts = Enumerable.Range(0, 1_500)
            .Select(seed => _validator.Validate(Some.Json(EventMutations.Mutated(seed))))
            .ToList();

        verdicts.Count(v => v.IsValid).ShouldBeInRange(50, 500);
        verdicts.Where(v => !v.IsValid).Select(v => v.Rejection!.Code).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        verdicts.Where(v => !v.IsValid).Select(v => v.Rejection!.Reason).Distinct().Count().ShouldBeGreaterThan(40);
    }

    [Theory]
    [MemberData(nameof(ValidSeeds))]
    public void ValidEvent_IsValidAndSerializedAsTheContractSays(int seed)
    {
        var auditEvent = RandomEvents.Valid(seed);

        _validator.TrySerialize(auditEvent, out var json, out var rejection).ShouldBeTrue(rejection?.ToString());

        rejection.ShouldBeNull();
        json.ShouldBe(Some.Json(auditEvent));
    }

    [Fact]
    public void CardNumberOnlyVisibleDecoded_IsForbidden()
    {
        // The serializer escapes '<' as \u003C, so the raw text shows "...003C4111..." (a run that
        // touches a letter); only the decoded check sees the card number.
        var auditEvent = Some.AccessEvent() with { Outcome = new Outcome(OutcomeResults.Denied, "<" + Pans.Visa) };

        _validator.TrySerialize(auditEvent, out var json, out var rejection).ShouldBeFalse();

        json.ShouldContain("\\u003C" + Pans.Visa);
        rejection!.Code.ShouldBe(RejectionCode.ForbiddenContent);
    }

    [Fact]
    public void EventOverTheSizeLimit_IsOversize()
    {
        var validator = new AuditEventValidator(new ValidationLimits { MaxEventBytes = 300 });

        validator.TrySerialize(Some.AccessEvent(), out var json, out var rejection).ShouldBeFalse();

        rejection.ShouldBe(new Rejection(RejectionCode.Oversize, $"payload is {json.Length} bytes; the limit is 300 bytes"));
    }

    [Fact]
    public void NullRequiredProperty_IsMissingAsInJson()
    {
        var auditEvent = Some.PaymentEvent() with { Payment = new PaymentDetails("pay-1", null!, "EUR") };

        _validator.TrySerialize(auditEvent, out _, out var rejection).ShouldBeFalse();

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'payment.amount' is required"));
    }

    [Fact]
    public void NullListItem_IsNotAString()
    {
        var auditEvent = Some.AccessEvent() with { Response = new ResponseDetails(["pay-1", null!]) };

        _validator.TrySerialize(auditEvent, out _, out var rejection).ShouldBeFalse();

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "field 'response.recordIds[1]' must be a string, not null"));
    }
}
