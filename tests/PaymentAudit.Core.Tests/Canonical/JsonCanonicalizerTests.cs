using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Canonical;

namespace PaymentAudit.Core.Tests.Canonical;

public sealed class JsonCanonicalizerTests
{
    [Fact]
    public void Canonicalize_Rfc8785Section322Example_GivesThePublishedOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        var canonical = JsonCanonicalizer.Canonicalize(input);

        canonical.ShouldBe("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""");
    }

    [Fact]
    public void Canonicalize_Rfc8785Section322Example_EncodesTheEuroSignAsRawUtf8()
    {
        var canonical = JsonCanonicalizer.Canonicalize("""{"string":"\u20ac"}"""u8);

        canonical.ShouldBe([.. "{\"string\":\""u8, 0xE2, 0x82, 0xAC, .. "\"}"u8]);
    }

    [Fact]
    public void Canonicalize_Rfc8785Section323Example_SortsMembersByUtf16CodeUnits()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var canonical = JsonCanonicalizer.Canonicalize(input);

        canonical.ShouldBe(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    [Fact]
    public void Canonicalize_NestedObjects_AreSortedAtEveryLevelAndArraysKeepTheirOrder()
    {
        var canonical = JsonCanonicalizer.Canonicalize("""{ "b": [3, {"z": 1, "a": 2}, 1], "a": {"y": null, "x": "s"} }""");

        canonical.ShouldBe("""{"a":{"x":"s","y":null},"b":[3,{"a":2,"z":1},1]}""");
    }

    [Theory]
    [InlineData("\"\\u001f\"", "\"\\u001f\"")]
    [InlineData("\"\\u0000\"", "\"\\u0000\"")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\u007f\"", "\"\u007f\"")]
    [InlineData("\"\\/\"", "\"/\"")]
    [InlineData("\"<>&'+\"", "\"<>&'+\"")]
    [InlineData("\"\\ud83d\\ude00\"", "\"\ud83d\ude00\"")]
    public void Canonicalize_String_IsEscapedAsJsonStringifyDoes(string input, string expected)
    {
        var canonical = JsonCanonicalizer.Canonicalize(input);

        canonical.ShouldBe(expected);
    }

    [Fact]
    public void Canonicalize_CanonicalInput_IsReturnedUnchanged()
    {
        var once = JsonCanonicalizer.Canonicalize("""{"b":"\u00e9\n","a":[1.50,-0,1e2]}""");

        var twice = JsonCanonicalizer.Canonicalize(once);

        twice.ShouldBe(once);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1,"b":{"c":1,"c":1}}""")]
    [InlineData("""[{"x":"1","\u0078":"2"}]""")]
    public void Canonicalize_DuplicateMemberName_IsRefused(string json)
    {
        var thrown = Should.Throw<JsonException>(() => JsonCanonicalizer.Canonicalize(json));

        thrown.Message.ShouldContain("Duplicate member name");
    }

    [Theory]
    [InlineData("[NaN]")]
    [InlineData("[Infinity]")]
    [InlineData("[-Infinity]")]
    public void Canonicalize_NaNOrInfinityLiteral_IsRefusedAsNotJson(string json)
    {
        Should.Throw<JsonException>(() => JsonCanonicalizer.Canonicalize(json));
    }

    [Theory]
    [InlineData("[1e400]")]
    [InlineData("[-1e400]")]
    public void Canonicalize_NumberBeyondTheDoubleRange_IsRefused(string json)
    {
        Should.Throw<Exception>(() => JsonCanonicalizer.Canonicalize(json));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00\"")]
    [InlineData("{\"\\ud83d\":1}")]
    public void Canonicalize_LoneSurrogateEscape_IsRefused(string json)
    {
        Should.Throw<Exception>(() => JsonCanonicalizer.Canonicalize(json));
    }

    [Fact]
    public void WriteString_LoneSurrogate_IsRefused()
    {
        var writer = new CanonicalJsonWriter(new System.Buffers.ArrayBufferWriter<byte>());

        Should.Throw<ArgumentException>(() => writer.WriteString("a\ud800b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'a':1}")]
    public void Canonicalize_NotJson_IsRefused(string json)
    {
        Should.Throw<JsonException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));
    }
}
