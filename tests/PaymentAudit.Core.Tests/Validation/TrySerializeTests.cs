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
        var original = Some.Json(auditEvent);

        var valid = _validator.TrySerialize(auditEvent, out var json, out var rejection, out var redactions);

        var expected = _validator.Validate(original);
        valid.ShouldBe(expected.IsValid, $"{rejection} vs {expected.Rejection} for {original}");
        rejection.ShouldBe(expected.Rejection, original);
        redactions.ShouldBe(expected.Redactions, original);
        json.ShouldBe(redactions.Count > 0 ? CardNumberDetector.Mask(original).Masked : original);
        _validator.Validate(json).IsValid.ShouldBe(valid, json);
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
    public void CardNumberBehindAnEscapedCharacter_IsMaskedInTheJsonToSend()
    {
        // The serializer escapes '<' as \u003C; the escape reads as '<', so the number stands alone.
        var auditEvent = Some.AccessEvent() with { Outcome = new Outcome(OutcomeResults.Denied, "<" + Pans.Visa) };

        _validator.TrySerialize(auditEvent, out var json, out var rejection, out var redactions).ShouldBeTrue(rejection?.ToString());

        json.ShouldContain("\\u003C************1111");
        redactions.ShouldBe(["outcome.reason"]);
    }

    [Fact]
    public void CardNumberInAField_IsMaskedAndTheMaskedJsonIsWhatTheWriterAccepts()
    {
        var auditEvent = Some.AccessEvent() with { Query = new QueryDetails(["pay-1", "4111-1111-1111-1111"], "card 4111 1111 1111 1111") };

        _validator.TrySerialize(auditEvent, out var json, out var rejection, out var redactions).ShouldBeTrue(rejection?.ToString());

        redactions.ShouldBe(["query.recordIds[1]", "query.description"]);
        json.ShouldNotContain("4111");
        var written = _validator.Validate(json);
        written.IsValid.ShouldBeTrue();
        written.Event.Query!.RecordIds.ShouldBe(["pay-1", "****-****-****-1111"]);
    }

    [Fact]
    public void ThreeArgumentOverload_GivesTheMaskedJsonToo()
    {
        var auditEvent = Some.AccessEvent() with { Outcome = new Outcome(OutcomeResults.Denied, "card " + Pans.Visa) };

        _validator.TrySerialize(auditEvent, out var json, out var rejection).ShouldBeTrue(rejection?.ToString());

        json.ShouldContain("card ************1111");
    }

    [Fact]
    public void CardNumberInTheEventId_IsForbiddenAndTheJsonIsNotMasked()
    {
        var auditEvent = Some.AccessEvent(eventId: "evt-" + Pans.Visa);

        _validator.TrySerialize(auditEvent, out var json, out var rejection, out var redactions).ShouldBeFalse();

        rejection!.Code.ShouldBe(RejectionCode.ForbiddenContent);
        redactions.ShouldBeEmpty();
        json.ShouldBe(Some.Json(auditEvent));
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
