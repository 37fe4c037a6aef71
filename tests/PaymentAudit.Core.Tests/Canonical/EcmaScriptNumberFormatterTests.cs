using PaymentAudit.Core.Canonical;

namespace PaymentAudit.Core.Tests.Canonical;

/// <summary>RFC 8785 Appendix B: IEEE 754 bit patterns and the JSON text each must serialize to.</summary>
public sealed class EcmaScriptNumberFormatterTests
{
    public static TheoryData<string, string> AppendixB => new()
    {
        { "0000000000000000", "0" },
        { "8000000000000000", "0" },
        { "0000000000000001", "5e-324" },
        { "8000000000000001", "-5e-324" },
        { "7fefffffffffffff", "1.7976931348623157e+308" },
        { "ffefffffffffffff", "-1.7976931348623157e+308" },
        { "4340000000000000", "9007199254740992" },
        { "c340000000000000", "-9007199254740992" },
        { "4430000000000000", "295147905179352830000" },
        { "44b52d02c7e14af5", "9.999999999999997e+22" },
        { "44b52d02c7e14af6", "1e+23" },
        { "44b52d02c7e14af7", "1.0000000000000001e+23" },
        { "444b1ae4d6e2ef4e", "999999999999999700000" },
        { "444b1ae4d6e2ef4f", "999999999999999900000" },
        { "444b1ae4d6e2ef50", "1e+21" },
        { "3eb0c6f7a0b5ed8c", "9.999999999999997e-7" },
        { "3eb0c6f7a0b5ed8d", "0.000001" },
        { "41b3de4355555553", "333333333.3333332" },
        { "41b3de4355555554", "333333333.33333325" },
        { "41b3de4355555555", "333333333.3333333" },
        { "41b3de4355555556", "333333333.3333334" },
        { "41b3de4355555557", "333333333.33333343" },
        { "becbf647612f3696", "-0.0000033333333333333333" },
        { "43143ff3c1cb0959", "1424953923781206.2" },
    };

    [Theory]
    [MemberData(nameof(AppendixB))]
    public void Format_AppendixBBitPattern_GivesTheRfcText(string ieee754Hex, string expected)
    {
        var value = FromBits(ieee754Hex);

        var text = EcmaScriptNumberFormatter.Format(value);

        text.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(AppendixB))]
    public void Canonicalize_AppendixBNumberInAnyNotation_GivesTheRfcText(string ieee754Hex, string expected)
    {
        var json = $"[{FromBits(ieee754Hex).ToString("E17", System.Globalization.CultureInfo.InvariantCulture)}]";

        var canonical = JsonCanonicalizer.Canonicalize(json);

        canonical.ShouldBe($"[{expected}]");
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123e-9, "1.23e-7")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(0.1, "0.1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(4.5, "4.5")]
    [InlineData(2e-3, "0.002")]
    [InlineData(1e30, "1e+30")]
    [InlineData(5e-7, "5e-7")]
    public void Format_ValuesAtTheExponentThresholds_UseEcmaScriptLayout(double value, string expected)
    {
        var text = EcmaScriptNumberFormatter.Format(value);

        text.ShouldBe(expected);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Format_NonFiniteValue_IsRefused(double value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => EcmaScriptNumberFormatter.Format(value));
    }

    private static double FromBits(string hex) =>
        BitConverter.Int64BitsToDouble(long.Parse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
}
