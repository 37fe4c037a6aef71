using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// The detector reads text as a person would: escapes decoded, digits of every script, any
/// separators between groups, digits glued to letters, invisible characters read through.
/// Every example spells the Visa test number 4111 1111 1111 1111 (or a card named in its case).
/// </summary>
public sealed class CardTextReadingTests
{
    [Theory]
    [InlineData(@"card=\u0034\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031\u0031&cvv=123")]
    [InlineData(@"log line: \u0034111111111111111 seen")]
    [InlineData(@"\u00341\u00311111111111111")]
    [InlineData(@"4111\u00201111\u00201111\u00201111")]
    [InlineData(@"4111\u002D1111\u002d1111\u002D1111")]
    [InlineData(@"\uFF14111111111111111")]
    [InlineData(@"\uff14111111111111111")]
    [InlineData(@"\\u0034111111111111111")]
    [InlineData(@"\\\\u0034111111111111111")]
    [InlineData(@"\uD835\uDFD2111111111111111")]
    [InlineData(@"card:\n4111111111111111")]
    [InlineData(@"4111\t1111\t1111\t1111")]
    [InlineData(@"4111\r\n1111\r\n1111\r\n1111")]
    [InlineData(@"4111\/1111\/1111\/1111")]
    public void ContainsCardNumber_JsonEscapesInTextThatIsNotJson_AreDecoded(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661", "Arabic-Indic")]
    [InlineData("\u06f4\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1\u06f1", "Extended Arabic-Indic")]
    [InlineData("\u096a\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967\u0967", "Devanagari")]
    [InlineData("\u09ea\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7\u09e7", "Bengali")]
    [InlineData("\u0e54\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51\u0e51", "Thai")]
    [InlineData("\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11", "full-width")]
    [InlineData("\uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11", "full-width, grouped")]
    [InlineData("\u0664\u0031\u0967\uff11 1\u0661\u06f1\u0e51 \u09e71\u0661\u0967 11\uff11\u0661", "mixed scripts")]
    [InlineData("\U0001D7D2\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF", "mathematical bold (surrogate pairs)")]
    public void ContainsCardNumber_DecimalDigitsOfAnyScript_CountWithTheirValue(string text, string script)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue(script);
    }

    [Theory]
    [InlineData("4111  1111  1111  1111")]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("4111_1111_1111_1111")]
    [InlineData("4111/1111/1111/1111")]
    [InlineData("4111 / 1111 / 1111 / 1111")]
    [InlineData("4111--1111--1111--1111")]
    [InlineData("4111*1111*1111*1111")]
    [InlineData("4111\u00a01111\u00a01111\u00a01111")]
    [InlineData("4111\u20131111\u20131111\u20131111")]
    [InlineData("4111\u30001111\u30001111\u30001111")]
    [InlineData("4111\u00b71111\u00b71111\u00b71111")]
    [InlineData("4111\n1111\n1111\n1111")]
    [InlineData("3056 9309 0259 04")]
    [InlineData("3056 930902 5904")]
    [InlineData("3782 822463 10005")]
    [InlineData("4222 2222 2222 2")]
    [InlineData("4111 1111 1111 1111 110")]
    [InlineData("411111 1111111111")]
    [InlineData("4,111,111,111,111,111")]
    [InlineData("4.111.111.111.111.111")]
    [InlineData("4'111'111'111'111'111")]
    [InlineData("4\u202f111\u202f111\u202f111\u202f111\u202f111")]
    [InlineData("4,111,111,111,111,111,110")]
    public void ContainsCardNumber_AnySeparatorsBetweenCardStyleGroups_AreRead(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("card5102977055333806")]
    [InlineData("pan4111111111111111end")]
    [InlineData("A4111111111111111")]
    [InlineData("4111111111111111x")]
    [InlineData("refX4111-1111-1111-1111Y")]
    [InlineData("caf\u00e94111111111111111")]
    public void ContainsCardNumber_DigitsGluedToLetters_AreFound(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("4111\u200b1111\u200b1111\u200b1111")]
    [InlineData("41\u200b11111111111111")]
    [InlineData("4111\u00ad1111\u00ad1111\u00ad1111")]
    [InlineData("4\u20601\u20601\u20601111111111111")]
    [InlineData("4111\ufeff111111111111")]
    public void ContainsCardNumber_InvisibleCharactersBetweenDigits_AreReadThrough(string text)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("4111a1111b1111c1111", "letters between the groups")]
    [InlineData("\"4111\",\"1111\",\"1111\",\"1111\"", "groups in different JSON strings")]
    [InlineData("41 11 11 11 11 11 11 11", "pairs are not how cards or long numbers are printed")]
    [InlineData("411 111 111 111 1111", "groups of three then four are neither")]
    [InlineData("4,111,111,111,1111", "thousands groups end with three digits")]
    [InlineData("2026-11-23 09:15:00.123", "a timestamp")]
    [InlineData("10.20.30.40, 10.20.30.41, 10.20.30.42", "addresses")]
    [InlineData("\\u004111111111111111", "an escape that spells a letter")]
    [InlineData("\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077", "superscripts are not decimal digits")]
    public void ContainsCardNumber_TextThatIsNoCardNumberToAReader_IsNotFound(string text, string why)
    {
        CardNumberDetector.ContainsCardNumber(text).ShouldBeFalse(why);
    }
}
