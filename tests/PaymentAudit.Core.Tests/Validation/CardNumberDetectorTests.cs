using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

public sealed class CardNumberDetectorTests
{
    [Theory]
    [InlineData(Pans.Visa)]
    [InlineData(Pans.Mastercard)]
    [InlineData(Pans.Amex)]
    [InlineData(Pans.Visa13)]
    [InlineData(Pans.Nineteen)]
    [InlineData("6011111111111117")]
    [InlineData("4012888888881881")]
    [InlineData("79927398713")]
    [InlineData("0")]
    public void PassesLuhn_ValidCheckDigit_IsTrue(string digits)
    {
        CardNumberDetector.PassesLuhn(digits).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Pans.VisaWrongCheckDigit)]
    [InlineData("5555555555554445")]
    [InlineData("378282246310006")]
    [InlineData("79927398710")]
    [InlineData("1234567812345678")]
    public void PassesLuhn_WrongCheckDigit_IsFalse(string digits)
    {
        CardNumberDetector.PassesLuhn(digits).ShouldBeFalse();
    }

    [Fact]
    public void PassesLuhn_SeparatorsBetweenDigits_AreIgnored()
    {
        CardNumberDetector.PassesLuhn("4111 1111-1111 1111").ShouldBeTrue();
    }

    [Theory]
    [InlineData(Pans.Visa)]
    [InlineData(Pans.Visa13)]
    [InlineData(Pans.Amex)]
    [InlineData(Pans.Nineteen)]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111 1111-1111 1111")]
    [InlineData("3782 822463 10005")]
    [InlineData("4111 1111 1111 1111 110")]
    [InlineData("paid with 4111111111111111 yesterday")]
    [InlineData("(4111111111111111)")]
    [InlineData("\"4111111111111111\"")]
    [InlineData("2026-11-23-4111111111111111")]
    [InlineData("4111111111111111-2026")]
    [InlineData("order 12-4111-1111-1111-1111")]
    public void ContainsCardNumber_Pan_IsFound(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Pans.VisaWrongCheckDigit)]
    [InlineData(Pans.Twelve)]
    [InlineData(Pans.Twenty)]
    [InlineData("411 111 111 111 1111")]
    [InlineData("41 11 11 11 11 11 11 11")]
    [InlineData("4111  1111 1111 1111")]
    [InlineData("4111--1111-1111-1111")]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("9f4111111111111111ab")]
    [InlineData("0190f3a2-7c4e-7b1a-9d2e-411111111111")]
    [InlineData("")]
    public void ContainsCardNumber_NoPan_IsNotFound(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse();
    }

    [Fact]
    public void ContainsCardNumber_PanInsideALongerUnseparatedDigitBlock_IsNotFound()
    {
        // Documented: a run longer than 19 digits is no PAN, even if 16 of its digits would be one.
        var text = "000" + Pans.Mastercard + "1234";

        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse();
    }

    [Fact]
    public void ContainsCardNumber_PanWrittenDirectlyAgainstLetters_IsNotFound()
    {
        // Documented limitation: hex ids would otherwise raise false alarms.
        CardNumberDetector.ContainsCardNumber("ref" + Pans.Visa).ShouldBeFalse();
    }

    [Fact]
    public void ContainsCardNumber_SecondOfTwoRuns_IsFound()
    {
        CardNumberDetector.ContainsCardNumber("1234 5678 and later " + Pans.Amex).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Pans.Visa, "************1111")]
    [InlineData("4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("4111-1111-1111-1111", "****-****-****-1111")]
    [InlineData("3782 822463 10005", "**** ****** *0005")]
    [InlineData("card 4111111111111111.", "card ************1111.")]
    [InlineData("2026-11-23-4111111111111111", "2026-11-23-************1111")]
    public void Mask_Pan_KeepsTheLastFourDigitsAndTheSeparators(string text, string expected)
    {
        var (masked, count) = CardNumberDetector.Mask(text);

        masked.ShouldBe(expected);
        count.ShouldBe(1);
    }

    [Fact]
    public void Mask_SeveralPans_MasksEveryOne()
    {
        var text = $"{Pans.Visa} then {Pans.Mastercard}, and 4111-1111-1111-1111 again";

        var (masked, count) = CardNumberDetector.Mask(text);

        masked.ShouldBe("************1111 then ************4444, and ****-****-****-1111 again");
        count.ShouldBe(3);
    }

    [Fact]
    public void Mask_TextWithoutPan_IsReturnedUnchanged()
    {
        const string text = "pay-1001 at 2026-11-23 for 129.90 EUR, ref " + Pans.VisaWrongCheckDigit;

        var (masked, count) = CardNumberDetector.Mask(text);

        masked.ShouldBeSameAs(text);
        count.ShouldBe(0);
    }

    [Fact]
    public void Mask_MaskedText_IsNoLongerACardNumber()
    {
        var (masked, _) = CardNumberDetector.Mask("a 4111 1111 1111 1111 b");

        CardNumberDetector.ContainsCardNumber(masked).ShouldBeFalse();
    }
}
