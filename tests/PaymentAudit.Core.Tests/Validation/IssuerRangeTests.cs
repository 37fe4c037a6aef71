using System.Text.Json.Nodes;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

/// <summary>
/// The issuer table (<c>card-iin-ranges.json</c>) is data: every range and length it lists is
/// detected, at both ends of the range, and a malformed table is refused with the brand named.
/// </summary>
public sealed class IssuerRangeTests
{
    private static readonly string TablePath =
        RepositoryRoot.Combine("functions", "PaymentAudit.Core", "Validation", "card-iin-ranges.json");

    /// <summary>Every (brand, range, length) of the committed table.</summary>
    public static TheoryData<string, string, int> Entries()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var brand in JsonNode.Parse(File.ReadAllText(TablePath))!["brands"]!.AsArray())
        {
            foreach (var range in brand!["ranges"]!.AsArray())
            {
                foreach (var length in brand["lengths"]!.AsArray())
                {
                    data.Add(brand["brand"]!.GetValue<string>(), range!.GetValue<string>(), length!.GetValue<int>());
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void ContainsCardNumber_LowestAndHighestPrefixOfEveryRange_IsFoundAtEveryLengthTheBrandIssues(string brand, string range, int length)
    {
        var bounds = range.Split('-');

        foreach (var prefix in new[] { bounds[0], bounds[^1] })
        {
            var number = Pans.WithLength(prefix, length);

            CardNumberDetector.ContainsCardNumber(number).ShouldBeTrue($"{brand} {range}: {number}");
        }
    }

    [Theory]
    [InlineData("Visa")]
    [InlineData("Mastercard")]
    [InlineData("Maestro")]
    [InlineData("American Express")]
    [InlineData("Discover")]
    [InlineData("Diners Club International")]
    [InlineData("JCB")]
    [InlineData("UnionPay")]
    [InlineData("Mir")]
    [InlineData("RuPay")]
    public void Table_ListsTheMajorNetwork(string brand)
    {
        IssuerRanges.Default.Brands.Select(b => b.Name).ShouldContain(brand);
    }

    [Fact]
    public void Documentation_NamesEveryBrandOfTheTable()
    {
        var documentation = File.ReadAllText(RepositoryRoot.Combine("docs", "card-numbers.md"));

        IssuerRanges.Default.Brands.ShouldAllBe(b => documentation.Contains(b.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void EmbeddedTable_IsTheCommittedFile()
    {
        using var stream = typeof(CardNumberDetector).Assembly.GetManifestResourceStream(IssuerRanges.ResourceName);
        using var reader = new StreamReader(stream.ShouldNotBeNull());

        reader.ReadToEnd().ShouldBe(File.ReadAllText(TablePath));
    }

    [Theory]
    [InlineData("[\"22-2720\"]", "[16]", "range '22-2720'")]
    [InlineData("[\"2720-2221\"]", "[16]", "range '2720-2221'")]
    [InlineData("[\"4x\"]", "[16]", "range '4x'")]
    [InlineData("[\"123456789\"]", "[16]", "range '123456789'")]
    [InlineData("[\"4\"]", "[12]", "lengths must be 13-19")]
    [InlineData("[\"4\"]", "[]", "lengths must be 13-19")]
    public void Parse_MalformedEntry_IsRefusedNamingTheBrand(string ranges, string lengths, string problem)
    {
        var json = $"{{\"brands\":[{{\"brand\":\"Example\",\"ranges\":{ranges},\"lengths\":{lengths}}}]}}";

        var error = Should.Throw<InvalidOperationException>(() => IssuerRanges.Parse(json));

        error.Message.ShouldContain("'Example'");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void Matches_PrefixOutsideEveryRange_IsFalse()
    {
        var table = IssuerRanges.Parse("{\"brands\":[{\"brand\":\"B\",\"ranges\":[\"2221-2720\"],\"lengths\":[16]}]}");

        table.Matches(22209999, 16).ShouldBeFalse();
        table.Matches(22210000, 16).ShouldBeTrue();
        table.Matches(27209999, 16).ShouldBeTrue();
        table.Matches(27210000, 16).ShouldBeFalse();
        table.Matches(22210000, 15).ShouldBeFalse();
    }
}
