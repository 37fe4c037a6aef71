using System.Text;
using System.Text.Json;

namespace PaymentAudit.Auditing.Output;

/// <summary>
/// Writes result rows as they arrive, in the chosen format, so a large answer neither waits for its
/// last row nor sits in memory: a table pads to declared widths instead of measuring every row,
/// JSON is one array written element by element, CSV escapes as RFC 4180 says.
/// </summary>
public sealed class RowWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly OutputFormat _format;
    private readonly TextWriter _output;
    private readonly IReadOnlyList<Column> _columns;
    private long _rows;
    private bool _completed;

    /// <summary>Creates a writer and prints the header (table, CSV) or the array's start (JSON).</summary>
    public RowWriter(OutputFormat format, TextWriter output, IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _format = format;
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _columns = columns;
        switch (format)
        {
            case OutputFormat.Table:
                _output.WriteLine(Pad(columns.Select(c => c.Name.ToUpperInvariant()).ToList()));
                break;
            case OutputFormat.Csv:
                _output.Write(string.Join(',', columns.Select(c => Csv(c.Name))) + "\r\n");
                break;
            default:
                _output.Write('[');
                break;
        }
    }

    /// <summary>Rows written so far.</summary>
    public long Rows => _rows;

    /// <summary>Writes one row; <paramref name="values"/> line up with the columns (null: no value).</summary>
    public void Write(params IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != _columns.Count)
        {
            throw new ArgumentException($"A row needs {_columns.Count} values, not {values.Count}.", nameof(values));
        }

        switch (_format)
        {
            case OutputFormat.Table:
                _output.WriteLine(Pad(values.Select(v => Text(v) ?? "-").ToList()));
                break;
            case OutputFormat.Csv:
                _output.Write(string.Join(',', values.Select(v => Csv(Text(v) ?? string.Empty))) + "\r\n");
                break;
            default:
                _output.Write(_rows == 0 ? "\n" : ",\n");
                _output.Write(JsonObject(values));
                break;
        }

        _rows++;
    }

    /// <summary>Ends the output (closes the JSON array) and flushes.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_format == OutputFormat.Json)
        {
            _output.Write(_rows == 0 ? "]\n" : "\n]\n");
        }

        _output.Flush();
    }

    /// <summary>A field as RFC 4180 says: quoted when it holds a comma, a quote, CR or LF; quotes doubled.</summary>
    public static string Csv(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private string Pad(List<string> cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i].ReplaceLineEndings(" ");
            line.Append(i == cells.Count - 1 ? cell : cell.PadRight(_columns[i].Width)).Append(i == cells.Count - 1 ? string.Empty : "  ");
        }

        return line.ToString().TrimEnd();
    }

    private string JsonObject(IReadOnlyList<object?> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            for (var i = 0; i < values.Count; i++)
            {
                writer.WritePropertyName(_columns[i].Name);
                switch (values[i])
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case IReadOnlyList<string> list:
                        writer.WriteStartArray();
                        foreach (var item in list)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteStringValue(Text(values[i]));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
