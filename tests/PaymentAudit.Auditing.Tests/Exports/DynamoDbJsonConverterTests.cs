using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Auditing.Exports;

namespace PaymentAudit.Auditing.Tests.Exports;

/// <summary>DynamoDB JSON as export data files hold it: every type read, written back the same, and anything else refused with its path.</summary>
public sealed class DynamoDbJsonConverterTests
{
    private const string EveryType = """
        {"s":{"S":"text"},"n":{"N":"-12.5E3"},"b":{"B":"AAEC"},"t":{"BOOL":true},"z":{"NULL":true},
         "ss":{"SS":["b","a"]},"ns":{"NS":["1","2"]},"bs":{"BS":["AQ=="]},
         "m":{"M":{"inner":{"L":[{"S":"x"},{"N":"1"},{"L":[]}]}}},"l":{"L":[]}}
        """;

    [Fact]
    public void ReadItem_EveryType_ReadsTheSdksValues()
    {
        var item = Read(EveryType);

        item["s"].S.ShouldBe("text");
        item["n"].N.ShouldBe("-12.5E3");
        item["b"].B.ToArray().ShouldBe(new byte[] { 0, 1, 2 });
        item["t"].BOOL.ShouldBe(true);
        item["z"].NULL.ShouldBe(true);
        item["ss"].SS.ShouldBe(["b", "a"]);
        item["ns"].NS.ShouldBe(["1", "2"]);
        item["bs"].BS.ShouldHaveSingleItem().ToArray().ShouldBe(new byte[] { 1 });
        item["m"].M["inner"].L.Select(v => v.S ?? v.N ?? "list").ShouldBe(["x", "1", "list"]);
        item["l"].L.ShouldBeEmpty();
    }

    [Fact]
    public void Canonical_OfTheSameItemInAnotherOrder_IsTheSameBytes()
    {
        var reordered = Read("""{"l":{"L":[]},"ss":{"SS":["a","b"]},"m":{"M":{"inner":{"L":[{"S":"x"},{"N":"1"},{"L":[]}]}}},"s":{"S":"text"},"n":{"N":"-12.5E3"},"b":{"B":"AAEC"},"t":{"BOOL":true},"z":{"NULL":true},"ns":{"NS":["1","2"]},"bs":{"BS":["AQ=="]}}""");

        DynamoDbJsonConverter.Canonical(reordered).ShouldBe(DynamoDbJsonConverter.Canonical(Read(EveryType)));
    }

    [Fact]
    public void Canonical_ReadBack_IsTheSameItem()
    {
        var canonical = DynamoDbJsonConverter.Canonical(Read(EveryType));

        DynamoDbJsonConverter.Canonical(DynamoDbJsonConverter.FromCanonical(canonical)).ShouldBe(canonical);
    }

    [Theory]
    [InlineData("""{"a":{"X":"1"}}""", "item.a has unknown type 'X'")]
    [InlineData("""{"a":{"S":"1","N":"1"}}""", "item.a has more than one type")]
    [InlineData("""{"a":{}}""", "item.a has no type")]
    [InlineData("""{"a":"plain"}""", "item.a is not a typed value")]
    [InlineData("""{"a":{"N":"12abc"}}""", "item.a: '12abc' is not a number")]
    [InlineData("""{"a":{"N":12}}""", "item.a: N must be a string")]
    [InlineData("""{"a":{"NULL":false}}""", "item.a: NULL must be true")]
    [InlineData("""{"a":{"SS":[]}}""", "item.a: SS must be a non-empty array")]
    [InlineData("""{"a":{"B":"not base64!"}}""", "item.a: binary value is not base64")]
    [InlineData("""{"a":{"M":{"b":{"L":[{"Q":"1"}]}}}}""", "item.a.b[0] has unknown type 'Q'")]
    public void ReadItem_MalformedValue_IsRefusedNamingItsPath(string json, string expected)
    {
        Should.Throw<FormatException>(() => Read(json)).Message.ShouldStartWith(expected);
    }

    [Fact]
    public void ItemLine_IsAFullExportRowTheReaderReadsBack()
    {
        var line = Encoding.UTF8.GetString(ExportWriter.ItemLine(Read(EveryType)));

        line.ShouldStartWith("""{"Item":{"s":{"S":"text"}""");
        using var document = JsonDocument.Parse(line);
        DynamoDbJsonConverter.Canonical(DynamoDbJsonConverter.ReadItem(document.RootElement.GetProperty("Item"), "Item"))
            .ShouldBe(DynamoDbJsonConverter.Canonical(Read(EveryType)));
    }

    private static Dictionary<string, AttributeValue> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DynamoDbJsonConverter.ReadItem(document.RootElement, "item");
    }
}
