using System.Text;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Storage.Tests.Capacity;

/// <summary>Pins <see cref="ItemSize"/> on the examples and rules of DynamoDB's item-size documentation.</summary>
public sealed class ItemSizeTests
{
    [Fact]
    public void Of_DocumentedShirtItem_Is23Bytes()
    {
        // ServiceQuotas.html#limits-items-size: "shirt-color" = "R" and "shirt-size" = "M" is 23 bytes.
        var item = new Dictionary<string, AttributeValue>
        {
            ["shirt-color"] = new() { S = "R" },
            ["shirt-size"] = new() { S = "M" },
        };

        ItemSize.Of(item).ShouldBe(23);
    }

    [Fact]
    public void OfAttribute_String_CountsUtf8BytesOfNameAndValue()
    {
        var size = ItemSize.OfAttribute("näme", new AttributeValue { S = "€uro" });

        size.ShouldBe(5 + 6);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("7", 2)]
    [InlineData("12", 2)]
    [InlineData("123", 3)]
    [InlineData("-123", 3)]
    [InlineData("1000000", 2)]
    [InlineData("0.00120", 2)]
    [InlineData("000123.4500", 4)]
    [InlineData("101", 3)]
    [InlineData("1.5E+3", 2)]
    [InlineData("99999999999999999999999999999999999999", 20)]
    public void OfNumber_TrimsLeadingAndTrailingZeros_ThenTakesOneBytePerTwoDigitsPlusOne(string number, int expected)
    {
        ItemSize.OfNumber(number).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("12a")]
    [InlineData("-")]
    public void OfNumber_NotANumber_Throws(string text)
    {
        Should.Throw<FormatException>(() => ItemSize.OfNumber(text));
    }

    [Fact]
    public void OfValue_Binary_CountsRawBytesNotBase64()
    {
        var value = new AttributeValue { B = new MemoryStream([1, 2, 3, 4, 5]) };

        ItemSize.OfValue(value).ShouldBe(5);
    }

    [Fact]
    public void OfAttribute_NullAndBoolean_AreOneByteAfterTheName()
    {
        var sizes = new[]
        {
            ItemSize.OfAttribute("gone", new AttributeValue { NULL = true }),
            ItemSize.OfAttribute("flag", new AttributeValue { BOOL = false }),
        };

        sizes.ShouldBe([4 + 1, 4 + 1]);
    }

    [Fact]
    public void OfAttribute_EmptyListOrMap_IsNamePlusThreeBytes()
    {
        var sizes = new[]
        {
            ItemSize.OfAttribute("ids", new AttributeValue { L = [] }),
            ItemSize.OfAttribute("tags", new AttributeValue { M = [] }),
        };

        sizes.ShouldBe([3 + 3, 4 + 3]);
    }

    [Fact]
    public void OfAttribute_List_AddsThreeBytesAndOneBytePerElement()
    {
        var list = new AttributeValue { L = [new() { S = "pay-1" }, new() { S = "pay-22" }, new() { N = "42" }] };

        ItemSize.OfAttribute("ids", list).ShouldBe(3 + 3 + (1 + 5) + (1 + 6) + (1 + 2));
    }

    [Fact]
    public void OfValue_Map_CountsEachElementsNameValueAndOneByte()
    {
        var map = new AttributeValue { M = new() { ["id"] = new() { S = "u-1" }, ["n"] = new() { N = "5" } } };

        ItemSize.OfValue(map).ShouldBe(3 + (1 + 2 + 3) + (1 + 1 + 2));
    }

    [Fact]
    public void OfValue_NestedContainers_ApplyTheRulesAtEveryLevel()
    {
        var inner = new AttributeValue { L = [new() { BOOL = true }] };
        var outer = new AttributeValue { M = new() { ["in"] = inner } };

        ItemSize.OfValue(outer).ShouldBe(3 + (1 + 2 + (3 + (1 + 1))));
    }

    [Fact]
    public void OfValue_Sets_AreTheSumOfTheirMembers()
    {
        var sizes = new[]
        {
            ItemSize.OfValue(new AttributeValue { SS = ["ab", "cde"] }),
            ItemSize.OfValue(new AttributeValue { NS = ["1", "12345"] }),
            ItemSize.OfValue(new AttributeValue { BS = [new MemoryStream([1]), new MemoryStream([1, 2])] }),
        };

        sizes.ShouldBe([5, 2 + 4, 3]);
    }

    [Fact]
    public void OfValue_WithoutType_Throws()
    {
        Should.Throw<ArgumentException>(() => ItemSize.OfValue(new AttributeValue()));
    }

    [Fact]
    public void Of_ItemOfMaximumSize_Is400KiB()
    {
        var item = new Dictionary<string, AttributeValue> { ["b"] = new() { S = new string('x', ItemSize.MaxItemBytes - 1) } };

        ItemSize.Of(item).ShouldBe(409_600);
    }

    [Fact]
    public void Of_StringWithMultiByteCharacters_CountsEncodedBytesNotChars()
    {
        var text = "💳 ü";
        var item = new Dictionary<string, AttributeValue> { ["t"] = new() { S = text } };

        ItemSize.Of(item).ShouldBe(1 + Encoding.UTF8.GetByteCount(text));
    }
}
