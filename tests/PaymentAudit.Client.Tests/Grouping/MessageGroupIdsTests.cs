using PaymentAudit.Client.Internal;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Grouping;

public sealed class MessageGroupIdsTests
{
    [Fact]
    public void IsValid_EveryCharacter_AllowsExactlyAsciiLettersDigitsPunctuationAndSymbols()
    {
        // SQS's wording of the rule, checked character by character against the range check.
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || (char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c)));

            MessageGroupIds.IsValid(c.ToString()).ShouldBe(allowed, $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("audit-07", true)]
    [InlineData("has space", false)]
    public void IsValid_Examples(string? groupId, bool valid) => MessageGroupIds.IsValid(groupId).ShouldBe(valid);

    [Fact]
    public void IsValid_Length_IsOneTo128()
    {
        MessageGroupIds.IsValid(new string('g', 128)).ShouldBeTrue();
        MessageGroupIds.IsValid(new string('g', 129)).ShouldBeFalse();
    }
}
