using System.Text.Json.Nodes;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>Invariant 6: a card number anywhere in the payload is forbidden content.</summary>
public sealed class ForbiddenContentTests
{
    private static readonly Rejection CardNumberRejection = new(
        RejectionCode.ForbiddenContent,
        "payload contains a card number (Luhn-valid 13-19 digit sequence); audit events must never carry PANs");

    private readonly AuditEventValidator _validator = new();

    [Theory]
    [InlineData("query.description", "card " + Pans.Visa + " was shown")]
    [InlineData("query.description", "4111 1111 1111 1111")]
    [InlineData("query.description", "4111-1111-1111-1111")]
    [InlineData("query.description", "3782 822463 10005")]
    [InlineData("query.description", "settled 2026-11-23-" + Pans.Mastercard)]
    [InlineData("outcome.reason", Pans.Visa13)]
    [InlineData("outcome.reason", Pans.Nineteen)]
    [InlineData("eventId", Pans.Visa)]
    [InlineData("actor.id", Pans.Amex)]
    [InlineData("origin.requestId", "req-" + Pans.Visa)]
    public void Validate_CardNumberInAField_IsForbiddenContent(string path, string value)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), path, value);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Fact]
    public void Validate_CardNumberInAPaymentId_IsForbiddenContent()
    {
        var json = JsonEdit.Set(Some.PaymentEventJson(), "payment.paymentId", Pans.Mastercard);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Fact]
    public void Validate_CardNumberAsAnUnknownFieldsName_IsForbiddenContent()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), Pans.Visa, true);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Fact]
    public void Validate_CardNumberInAnOtherwiseInvalidEvent_IsReportedAsForbiddenContent()
    {
        var json = JsonEdit.Set(JsonEdit.Remove(Some.AccessEventJson(), "actor"), "query.description", Pans.Visa);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Fact]
    public void Validate_CardNumberInAPayloadThatIsNotJson_IsForbiddenContent()
    {
        var rejection = _validator.Validate("card=" + Pans.Visa + "&cvv=123").Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Theory]
    [InlineData("\\u0034111111111111111")]
    [InlineData("\\u00341\\u00311111111111111")]
    [InlineData("4111\\u00201111\\u00201111\\u00201111")]
    [InlineData("4111\\u002d1111\\u002d1111\\u002d1111")]
    public void Validate_CardNumberWrittenWithUnicodeEscapes_IsStillForbiddenContent(string escaped)
    {
        var json = Some.AccessEventJson().Replace("refund review", escaped, StringComparison.Ordinal);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Theory]
    [InlineData("\\n")]
    [InlineData("\\t")]
    [InlineData("\\r")]
    [InlineData("\\f")]
    [InlineData("\\b")]
    public void Validate_CardNumberRightAfterAShortEscape_IsStillForbiddenContent(string escape)
    {
        // In the raw text the PAN touches the escape's letter (\n4111...), which the detector
        // treats as a word character; only the decoded string shows the PAN standing alone.
        var json = Some.AccessEventJson().Replace("refund review", "card:" + escape + Pans.Visa, StringComparison.Ordinal);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Theory]
    [InlineData(Pans.VisaWrongCheckDigit)]
    [InlineData(Pans.Twelve)]
    [InlineData(Pans.Twenty)]
    [InlineData("0190f3a2-7c4e-7b1a-9d2e-411111111111")]
    [InlineData("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Validate_DigitsThatAreNotACardNumber_AreAccepted(string value)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.description", value);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
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

    [Fact]
    public void Validate_CardNumber_IsNotEchoedInTheReason()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.description", "4111 1111 1111 1111");

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldNotContain("1111");
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

    [Fact]
    public void Mask_CardNumberInAnEventsJson_LeavesAValidEventWithoutThePan()
    {
        var payload = JsonEdit.Set(Some.AccessEventJson(), "query.description", "4111-1111-1111-1111");

        var masked = CardNumberDetector.Mask(payload).Masked;

        masked.ShouldNotContain("4111-1111-1111");
        masked.ShouldContain("****-****-****-1111");
        _validator.Validate(masked).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_EscapedCardNumber_IsCheckedInStoredEventsToo()
    {
        using var document = System.Text.Json.JsonDocument.Parse(
            Some.AccessEventJson().Replace("refund review", "\\u0034111111111111111", StringComparison.Ordinal));

        var rejection = _validator.Validate(document.RootElement).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }

    [Fact]
    public void Validate_CardNumberInANestedArrayItem_IsForbiddenContent()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "response.recordIds", new JsonArray("pay-1", Pans.Visa));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(CardNumberRejection);
    }
}
