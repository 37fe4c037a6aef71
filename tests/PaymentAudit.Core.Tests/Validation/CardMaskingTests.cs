using System.Text.Json;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Tests.Support.CardCorpus;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// <see cref="CardNumberDetector.Mask"/> on any text: each unit that spells a digit of a card
/// number becomes one '*', the last four stay, JSON stays JSON, and masking twice changes nothing.
/// </summary>
public sealed class CardMaskingTests
{
    private static readonly Lazy<IReadOnlyList<CardSample>> Payloads = new(() =>
        [.. CardCorpusGenerator.Generate(seed: 7, perPanCategory: 100, perIdentifierCategory: 0).Where(s => s.Kind == CardCorpusKind.Pan)]);

    [Theory]
    [InlineData(@"card \u0034111111111111111", @"card ************1111")]
    [InlineData(@"card \\u0034111111111111111", @"card ************1111")]
    [InlineData(@"\u0034\u0031\u0031\u0031 1111 1111 1111", @"**** **** **** 1111")]
    [InlineData("\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661", "************\u0661\u0661\u0661\u0661")]
    [InlineData("\U0001D7D2\U0001D7CF\U0001D7CF\U0001D7CF 1111 1111 1111", "**** **** **** 1111")]
    [InlineData(@"\uD835\uDFD2111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("4111\u200b1111\u200b1111\u200b1111", "****\u200b****\u200b****\u200b1111")]
    public void Mask_UnitSpellingADigit_BecomesOneStar(string text, string expected)
    {
        CardNumberDetector.Mask(text).Masked.ShouldBe(expected);
    }

    [Fact]
    public void Mask_EveryCorpusPayload_LeavesNoCardNumberUnderTheSameReading()
    {
        foreach (var sample in Payloads.Value)
        {
            var masked = CardNumberDetector.Mask(sample.Payload).Masked;

            CardNumberDetector.ContainsCardNumber(masked).ShouldBeFalse(sample.Payload);
            CardCorpusMeasurement.Retains(masked, sample.Digits).ShouldBeFalse(sample.Payload);
        }
    }

    [Fact]
    public void Mask_EveryCorpusPayload_IsIdempotent()
    {
        foreach (var sample in Payloads.Value)
        {
            var masked = CardNumberDetector.Mask(sample.Payload).Masked;

            CardNumberDetector.Mask(masked).Masked.ShouldBe(masked, sample.Payload);
        }
    }

    [Fact]
    public void Mask_JsonWhoseCardNumbersSitInStrings_StaysValidJsonWithTheSameStructure()
    {
        foreach (var sample in Payloads.Value.Where(s => !s.IsGroupId && !s.MustBeRefused && IsJson(s.Payload)))
        {
            var masked = CardNumberDetector.Mask(sample.Payload).Masked;

            IsJson(masked).ShouldBeTrue(sample.Payload);
            Shape(masked).ShouldBe(Shape(sample.Payload));
        }
    }

    [Fact]
    public void Mask_CardNumber_KeepsItsLastFourDigitsReadable()
    {
        var (masked, count) = CardNumberDetector.Mask($"paid by {Pans.Amex} and {Pans.Mastercard2Series}");

        count.ShouldBe(2);
        masked.ShouldBe("paid by ***********0005 and ************0009");
    }

    [Fact]
    public void Mask_EscapeBeforeABackslashRun_KeepsTheJsonValid()
    {
        // Three backslashes: an escaped backslash, then \u0034. The whole run goes with the digit.
        var json = "{\"d\":\"x\\\\\\u0034111111111111111\"}";

        var masked = CardNumberDetector.Mask(json).Masked;

        masked.ShouldBe("{\"d\":\"x************1111\"}");
        IsJson(masked).ShouldBeTrue();
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The document's member names (unmasked ones only) and value kinds, in order.</summary>
    private static string Shape(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parts = new List<string>();
        Walk(document.RootElement);
        return string.Join(',', parts);

        void Walk(JsonElement element)
        {
            parts.Add(element.ValueKind.ToString());
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in element.EnumerateObject())
                {
                    parts.Add(member.Name.Any(char.IsDigit) ? "#" : member.Name);
                    Walk(member.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }
    }
}
