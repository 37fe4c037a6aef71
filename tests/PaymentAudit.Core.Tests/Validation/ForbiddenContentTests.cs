using System.Text.Json;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// What cannot be masked is refused as <c>forbidden_content</c>: a card number in the event id
/// (the idempotency key), outside any JSON string, or behind escapes of escapes. No reason ever
/// echoes a value.
/// </summary>
public sealed class ForbiddenContentTests
{
    private static readonly Rejection CardNumberInEventId = new(
        RejectionCode.ForbiddenContent,
        "field 'eventId' contains a card number; the event id is the idempotency key and cannot be masked, so the event is refused: give it an id without one");

    private readonly AuditEventValidator _validator = new();

    [Theory]
    [InlineData(Pans.Visa)]
    [InlineData(Pans.Amex)]
    [InlineData("evt-" + Pans.Mastercard)]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("4111_1111_1111_1111")]
    [InlineData("4111:1111:1111:1111")]
    public void Validate_CardNumberInTheEventId_IsForbiddenContent(string eventId)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "eventId", eventId);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberInEventId);
    }

    [Fact]
    public void Validate_CardNumberInTheEventIdOfAnOtherwiseInvalidEvent_IsStillForbiddenContent()
    {
        var json = JsonEdit.Set(JsonEdit.Remove(Some.AccessEventJson(), "actor"), "eventId", Pans.Visa);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberInEventId);
    }

    [Theory]
    [InlineData("\"schemaVersion\":1", "\"schemaVersion\":" + Pans.Visa)]
    [InlineData("\"outcome\":{", "\"outcome\":{\"code\":" + Pans.Amex + ",")]
    public void Validate_CardNumberWrittenAsAJsonNumber_IsForbiddenContent(string member, string withNumber)
    {
        var json = Some.AccessEventJson().Replace(member, withNumber, StringComparison.Ordinal);

        var rejection = _validator.Validate(json).Rejection.ShouldNotBeNull();

        rejection.Code.ShouldBe(RejectionCode.ForbiddenContent);
        rejection.Reason.ShouldContain("outside any JSON string");
    }

    [Fact]
    public void Validate_CardNumberBehindAnEscapedBackslash_IsForbiddenContent()
    {
        // \u005c is a backslash: decoded, the string reads \u0034111..., itself an escape of a 4.
        var json = Some.AccessEventJson().Replace("refund review", "\\u005cu0034111111111111111", StringComparison.Ordinal);

        var rejection = _validator.Validate(json).Rejection.ShouldNotBeNull();

        rejection.Code.ShouldBe(RejectionCode.ForbiddenContent);
        rejection.Reason.ShouldContain("nested escapes");
    }

    [Fact]
    public void Validate_CardNumberBehindNestedEscapesInAStoredEvent_IsForbiddenContent()
    {
        using var document = JsonDocument.Parse(
            Some.AccessEventJson().Replace("refund review", "\\u005cu0034111111111111111", StringComparison.Ordinal));

        var rejection = _validator.Validate(document.RootElement).Rejection.ShouldNotBeNull();

        rejection.Code.ShouldBe(RejectionCode.ForbiddenContent);
    }

    [Theory]
    [InlineData(Pans.VisaWrongCheckDigit)]
    [InlineData(Pans.Twelve)]
    [InlineData(Pans.Twenty)]
    [InlineData("1678973426739")]
    [InlineData("0190f3a2-7c4e-7b1a-9d2e-411111111111")]
    [InlineData("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Validate_DigitsThatAreNotACardNumber_AreAcceptedUnchanged(string value)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.description", value);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Redactions.ShouldBeEmpty();
        result.Event.Query!.Description.ShouldBe(value);
    }

    public static TheoryData<string, string> OffendingValues => new()
    {
        { "eventId", "bad id SECRET-VALUE-1" },
        { "eventType", "SECRET.VALUE.2" },
        { "occurredAt", "SECRET-VALUE-3" },
        { "actor.type", "SECRET-VALUE-4" },
        { "actor.id", "SECRET VALUE 5" },
        { "origin.ip", "SECRET-VALUE-6" },
        { "outcome.result", "SECRET-VALUE-7" },
        { "query.recordIds", "SECRET-VALUE-8" },
    };

    [Theory]
    [MemberData(nameof(OffendingValues))]
    public void Validate_InvalidValue_IsNotEchoedInTheReason(string path, string value)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), path, value);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldNotContain("SECRET", Case.Insensitive);
    }

    [Theory]
    [InlineData("payment.amount", "SECRET-AMOUNT")]
    [InlineData("payment.currency", "SECRET")]
    public void Validate_InvalidPaymentValue_IsNotEchoedInTheReason(string path, string value)
    {
        var json = JsonEdit.Set(Some.PaymentEventJson(), path, value);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldNotContain("SECRET", Case.Insensitive);
    }

    [Theory]
    [InlineData("eventId", Pans.Visa)]
    [InlineData("occurredAt", "4111 1111 1111 1111")]
    [InlineData("actor.type", "4111-1111-1111-1111")]
    [InlineData("origin.ip", Pans.Visa)]
    public void Validate_CardNumber_IsNotEchoedInTheReason(string path, string value)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), path, value);

        var rejection = _validator.Validate(json).Rejection.ShouldNotBeNull();

        rejection.Reason.ShouldNotContain("1111 1111");
        rejection.Reason.ShouldNotContain("111111111111");
        CardNumberDetector.ContainsCardNumber(rejection.Reason).ShouldBeFalse();
    }

    [Fact]
    public void Validate_LongUnknownFieldName_IsNotEchoedInFull()
    {
        var name = new string('n', 64) + "SECRET" + new string('n', 500);
        var json = JsonEdit.Set(Some.AccessEventJson(), name, 1);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldNotContain("SECRET");
        rejection.Reason.Length.ShouldBeLessThan(120);
    }

    [Fact]
    public void Validate_UnknownFieldNameWithTerminalEscapes_IsPrintedWithPlaceholders()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "x\u0000\u001b[31m", 1);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldBe("field 'x??[31m' is not part of schema version 1");
    }
}
