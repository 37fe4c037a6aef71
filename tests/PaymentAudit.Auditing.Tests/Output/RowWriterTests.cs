using System.Text.Json;
using PaymentAudit.Auditing.Output;

namespace PaymentAudit.Auditing.Tests.Output;

public sealed class RowWriterTests
{
    private static readonly Column[] Columns = [new("name", 8), new("count", 5), new("note", 0)];

    [Fact]
    public void Json_Rows_AreOneArrayOfObjectsWithTypedValues()
    {
        var output = new StringWriter();
        var writer = new RowWriter(OutputFormat.Json, output, Columns);

        writer.Write("a", 1L, null);
        writer.Write("b\"c", 2L, "x");
        writer.Complete();

        using var document = JsonDocument.Parse(output.ToString());
        document.RootElement.GetArrayLength().ShouldBe(2);
        document.RootElement[0].GetProperty("count").GetInt64().ShouldBe(1);
        document.RootElement[0].GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        document.RootElement[1].GetProperty("name").GetString().ShouldBe("b\"c");
    }

    [Fact]
    public void Json_NoRows_IsAnEmptyArray()
    {
        var output = new StringWriter();
        var writer = new RowWriter(OutputFormat.Json, output, Columns);

        writer.Complete();

        JsonDocument.Parse(output.ToString()).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Csv_Field_IsEscapedAsRfc4180Says(string field, string expected)
    {
        RowWriter.Csv(field).ShouldBe(expected);
    }

    [Fact]
    public void Csv_Rows_HaveAHeaderAndParseBackToTheValues()
    {
        var output = new StringWriter();
        var writer = new RowWriter(OutputFormat.Csv, output, Columns);

        writer.Write("a,b", 3L, "line one\nline \"two\"");
        writer.Complete();

        ParseCsv(output.ToString()).ShouldBe([["name", "count", "note"], ["a,b", "3", "line one\nline \"two\""]]);
    }

    [Fact]
    public void Table_Rows_ArePaddedToTheDeclaredWidths()
    {
        var output = new StringWriter();
        var writer = new RowWriter(OutputFormat.Table, output, Columns);

        writer.Write("a", 1L, null);
        writer.Complete();

        output.ToString().Split('\n')[..2].ShouldBe(["NAME      COUNT  NOTE", "a         1      -"]);
    }

    [Fact]
    public void Write_WrongNumberOfValues_Throws()
    {
        var writer = new RowWriter(OutputFormat.Table, new StringWriter(), Columns);

        Should.Throw<ArgumentException>(() => writer.Write("only one"));
    }

    /// <summary>A small RFC 4180 reader: the test's own, so the writer is checked against the rules, not against itself.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
