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
    [InlineData(Pans.Mastercard2Series)]
    [InlineData(Pans.Diners14)]
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
    [InlineData("2720_2655_8230_5581")]
    [InlineData("3476.842749.35470")]
    [InlineData("card5102977055333806")]
    [InlineData("9f4111111111111111ab")]
    public void ContainsCardNumber_Pan_IsFound(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Pans.VisaWrongCheckDigit)]
    [InlineData(Pans.Twelve)]
    [InlineData(Pans.Twenty)]
    [InlineData("41 11 11 11 11 11 11 11")]
    [InlineData("4111a1111b1111c1111")]
    [InlineData("0190f3a2-7c4e-7b1a-9d2e-411111111111")]
    [InlineData("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("")]
    public void ContainsCardNumber_NoPan_IsNotFound(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1678973426739")]
    [InlineData("1700000000000001")]
    [InlineData("1732364110123456786")]
    [InlineData("638679123456789012")]
    [InlineData("20261123000123457")]
    [InlineData("0000001234567897")]
    public void ContainsCardNumber_LuhnValidIdentifierOutsideEveryIssuerRange_IsNotFound(string identifier)
    {
        CardNumberDetector.PassesLuhn(identifier).ShouldBeTrue("the example must be Luhn-valid to show the issuer check at work");

        CardNumberDetector.ContainsCardNumber(identifier).ShouldBeFalse();
    }

    [Theory]
    [InlineData("555555", 15)]
    [InlineData("555555", 17)]
    [InlineData("222100", 19)]
    [InlineData("378282", 16)]
    [InlineData("378282", 14)]
    public void ContainsCardNumber_InTheRangeOfABrandThatIssuesNoNumberOfThatLength_IsNotFound(string prefix, int length)
    {
        // Mastercard issues 16 digits only and American Express 15.
        var number = Pans.WithLength(prefix, length);

        CardNumberDetector.ContainsCardNumber(number).ShouldBeFalse(number);
    }

    [Theory]
    [InlineData("01a43883-6859-7574-8fee-c0ffeec0ffee")]
    [InlineData("evt-01a43883-6859-7574-8fee-c0ffeec0ffee")]
    [InlineData("{01A43883-6859-7574-8FEE-C0FFEEC0FFEE}")]
    [InlineData("\"eventId\":\"01a43883-6859-7574-8fee-c0ffeec0ffee\"")]
    public void ContainsCardNumber_DigitsOfAUuidThatWouldSpellACardNumber_AreNotFound(string text)
    {
        // The same digits, grouped the same way outside a UUID, are a 14-digit Visa number.
        CardNumberDetector.ContainsCardNumber("43883-6859-7574-8").ShouldBeTrue();

        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse();
    }

    [Theory]
    [InlineData("01a43883685975748feec0ffeec0ffee", "a UUID without dashes")]
    [InlineData("evt-00000042-01a43883685975748feec0ffeec0ffee", "a UUID without dashes after a prefix")]
    [InlineData("ab43883685975748cdef1234", "a 24-digit object id")]
    [InlineData("sha256:9f43883685975748ab0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08e3f", "a SHA-256 hash")]
    public void ContainsCardNumber_DigitsOfAHexIdentifierThatWouldSpellACardNumber_AreNotFound(string text, string what)
    {
        // 43883685975748 alone is a 14-digit Visa number.
        CardNumberDetector.ContainsCardNumber("43883685975748").ShouldBeTrue();

        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse(what);
    }

    [Theory]
    [InlineData("01a43883-6859-7574-8fee-c0ffeec0ffee 4111 1111 1111 1111")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 4111111111111111")]
    [InlineData("ab4111111111111111cd")]
    [InlineData("tx9f4111111111111111abcdef0123456789abcdef")]
    public void ContainsCardNumber_PanNextToOrInsideSomethingThatIsNoHexIdentifier_IsFound(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Fact]
    public void ContainsCardNumber_PanInsideALongerUnseparatedDigitBlock_IsNotFound()
    {
        // A run of more than 19 digits is no PAN, even if 16 of its digits would be one.
        var text = "000" + Pans.Mastercard + "1234";

        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse();
    }

    [Fact]
    public void ContainsCardNumber_SecondOfTwoRuns_IsFound()
    {
        CardNumberDetector.ContainsCardNumber("1234 5678 and later " + Pans.Amex).ShouldBeTrue();
    }

    [Fact]
    public void ContainsCardNumber_PanAfterManyShortGroups_IsFound()
    {
        // More groups than the scanner holds at once: the windows at the seams must still be tried.
        var text = string.Join(" / ", Enumerable.Range(0, 100).Select(i => (i % 90 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            + " / 4111 1111 1111 1111";

        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Pans.Visa, "************1111")]
    [InlineData("4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("4111-1111-1111-1111", "****-****-****-1111")]
    [InlineData("3782 822463 10005", "**** ****** *0005")]
    [InlineData("card 4111111111111111.", "card ************1111.")]
    [InlineData("2026-11-23-4111111111111111", "2026-11-23-************1111")]
    [InlineData("card5102977055333806", "card************3806")]
    [InlineData("3476.842749.35470", "****.******.*5470")]
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

    [Fact]
    public void Mask_KeptDigitsThatFormANewPanWithTheirNeighbours_AreMaskedToo()
    {
        // After the first PAN is masked, its kept "4444" and the next three groups read as a Visa number.
        var follower = Pans.WithLength("4444", 16)[4..];
        var text = $"5555 5555 5555 4444 {follower[..4]} {follower[4..8]} {follower[8..]}";

        var (masked, _) = CardNumberDetector.Mask(text);

        CardNumberDetector.ContainsCardNumber(masked).ShouldBeFalse(masked);
        CardNumberDetector.Mask(masked).Masked.ShouldBeSameAs(masked);
    }
}
