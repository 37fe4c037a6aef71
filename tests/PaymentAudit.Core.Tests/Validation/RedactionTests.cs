using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// Invariant 6 without losing the access: a card number in an otherwise valid event is masked
/// (last four kept), the event is accepted and its redactions are listed by field path.
/// </summary>
public sealed class RedactionTests
{
    private readonly AuditEventValidator _validator = new();

    [Theory]
    [InlineData("query.description", "card " + Pans.Visa + " was shown", "card ************1111 was shown")]
    [InlineData("query.description", "4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("query.description", "settled 2026-11-23-" + Pans.Mastercard, "settled 2026-11-23-************4444")]
    [InlineData("outcome.reason", Pans.Visa13, "*********2222")]
    [InlineData("outcome.reason", "3476.842749.35470", "****.******.*5470")]
    [InlineData("actor.id", Pans.Amex, "***********0005")]
    [InlineData("origin.requestId", "req-" + Pans.Visa, "req-************1111")]
    [InlineData("origin.requestId", "2720_2655_8230_5581", "****_****_****_5581")]
    [InlineData("origin.service", "card5102977055333806", "card************3806")]
    public void Validate_CardNumberInAField_AcceptsTheEventWithTheNumberMasked(string path, string value, string expected)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), path, value);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Redactions.ShouldBe([path]);
        Read(Some.Json(result.Event), path).ShouldBe(expected);
    }

    [Fact]
    public void Validate_CardNumberInAPaymentId_IsMaskedAndTheRestOfTheEventIsUnchanged()
    {
        var json = JsonEdit.Set(Some.PaymentEventJson(), "payment.paymentId", Pans.Mastercard);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Redactions.ShouldBe(["payment.paymentId"]);
        result.Event.ShouldBe(Some.PaymentEvent(paymentId: "************4444"));
    }

    [Fact]
    public void Validate_CardNumbersInListItems_NameEachItem()
    {
        var json = JsonEdit.Set(
            JsonEdit.Set(Some.AccessEventJson(), "query.recordIds", new JsonArray("pay-1", "pay-2", Pans.Visa)),
            "response.recordIds",
            new JsonArray(Pans.Amex));

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Redactions.ShouldBe(["query.recordIds[2]", "response.recordIds[0]"]);
        result.Event.Query!.RecordIds.ShouldBe(["pay-1", "pay-2", "************1111"]);
    }

    [Fact]
    public void Validate_EventWithoutCardNumber_HasNoRedactions()
    {
        var result = _validator.Validate(Some.AccessEventJson());

        result.Redactions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\\u0034111111111111111")]
    [InlineData("\\u00341\\u00311111111111111")]
    [InlineData("4111\\u00201111\\u00201111\\u00201111")]
    [InlineData("\\uff14\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11\\uff11")]
    [InlineData("card:\\n4111111111111111")]
    [InlineData("\\u003C4111111111111111")]
    public void Validate_CardNumberWrittenWithEscapes_IsMaskedAndTheJsonStaysValid(string escaped)
    {
        var json = Some.AccessEventJson().Replace("refund review", escaped, StringComparison.Ordinal);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Redactions.ShouldBe(["query.description"]);
        CardNumberDetector.ContainsCardNumber(result.Event.Query!.Description).ShouldBeFalse(result.Event.Query.Description);
    }

    [Fact]
    public void Validate_CardNumberInAnOtherwiseInvalidEvent_GetsTheRejectionOfTheMaskedEvent()
    {
        var json = JsonEdit.Set(JsonEdit.Remove(Some.AccessEventJson(), "actor"), "query.description", Pans.Visa);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'actor' is required"));
    }

    [Fact]
    public void Validate_CardNumberInAPayloadThatIsNotJson_IsNotJson()
    {
        var result = _validator.Validate("card=" + Pans.Visa + "&cvv=123");

        result.Rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.NotJson);
        result.Redactions.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_CardNumberAsAnUnknownFieldsName_IsUnknownFieldWithTheNameMasked()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "4111 1111 1111 1111", true);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.UnknownField, "field '**** **** **** 1111' is not part of schema version 1"));
    }

    [Fact]
    public void Validate_UnknownFieldNameThatReadsAsACardNumberOnlyOncePrinted_IsMaskedInTheReason()
    {
        // The letter keeps the groups apart; printed, it becomes '?', a separator that joins them.
        var json = JsonEdit.Set(Some.AccessEventJson(), "origin.4111\u00e91111 1111 1111", true);

        var rejection = _validator.Validate(json).Rejection.ShouldNotBeNull();

        rejection.Code.ShouldBe(RejectionCode.UnknownField);
        rejection.Reason.ShouldBe("field 'origin.****?**** **** 1111' is not part of schema version 1");
    }

    [Fact]
    public void Validate_StoredEventWithACardNumber_IsMaskedToo()
    {
        using var document = JsonDocument.Parse(JsonEdit.Set(Some.AccessEventJson(), "outcome.reason", "card " + Pans.Visa));

        var result = _validator.Validate(document.RootElement);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Redactions.ShouldBe(["outcome.reason"]);
        result.Event.Outcome.Reason.ShouldBe("card ************1111");
    }

    [Fact]
    public void Validate_MaskedEvent_ValidatesAsItselfWithNothingLeftToMask()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.description", "card 4111 1111 1111 1111");
        var first = _validator.Validate(json);

        var again = _validator.Validate(Some.Json(first.Event!));

        again.IsValid.ShouldBeTrue();
        again.Redactions.ShouldBeEmpty();
        Some.Json(again.Event).ShouldBe(Some.Json(first.Event!));
    }

    private static string Read(string json, string path)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var name in path.Split('.'))
        {
            node = node[name]!;
        }

        return node.GetValue<string>();
    }
}
