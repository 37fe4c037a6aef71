using System.Buffers;
using System.Globalization;
using System.Text;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Writes JSON tokens exactly as RFC 8785 (JSON Canonicalization Scheme) prescribes: no
/// whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers in ECMAScript form.
/// Callers are responsible for emitting object members in canonical (UTF-16 code unit) order.
/// </summary>
public sealed class CanonicalJsonWriter
{
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    /// <summary>Characters written as themselves with no further check: printable ASCII except '"' and '\'.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly IBufferWriter<byte> _output;
    private bool _needsComma;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    public CanonicalJsonWriter(IBufferWriter<byte> output) => _output = output;

    /// <summary>Starts an object.</summary>
    public void StartObject() => Open((byte)'{');

    /// <summary>Ends an object.</summary>
    public void EndObject() => Close((byte)'}');

    /// <summary>Starts an array.</summary>
    public void StartArray() => Open((byte)'[');

    /// <summary>Ends an array.</summary>
    public void EndArray() => Close((byte)']');

    /// <summary>Writes a member name; the value must follow.</summary>
    public void WritePropertyName(string name)
    {
        Separate();
        WriteEscaped(name);
        WriteByte((byte)':');
        _needsComma = false;
    }

    /// <summary>Writes a string value.</summary>
    public void WriteString(string value)
    {
        Separate();
        WriteEscaped(value);
        _needsComma = true;
    }

    /// <summary>Writes a member with a string value.</summary>
    public void WriteString(string name, string value)
    {
        WritePropertyName(name);
        WriteString(value);
    }

    /// <summary>Writes an integer value (exact within ±2^53, as ECMAScript numbers are).</summary>
    public void WriteNumber(long value)
    {
        Separate();
        Span<byte> digits = stackalloc byte[24];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        WriteRaw(digits[..written]);
        _needsComma = true;
    }

    /// <summary>Writes a member with an integer value.</summary>
    public void WriteNumber(string name, long value)
    {
        WritePropertyName(name);
        WriteNumber(value);
    }

    /// <summary>Writes a floating-point value in ECMAScript Number.prototype.toString form.</summary>
    public void WriteNumber(double value)
    {
        Separate();
        WriteAscii(EcmaScriptNumberFormatter.Format(value));
        _needsComma = true;
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void WriteBoolean(bool value)
    {
        Separate();
        WriteRaw(value ? "true"u8 : "false"u8);
        _needsComma = true;
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNull()
    {
        Separate();
        WriteRaw("null"u8);
        _needsComma = true;
    }

    /// <summary>Writes a member whose value is a list of strings.</summary>
    public void WriteStringArray(string name, IReadOnlyList<string> values)
    {
        WritePropertyName(name);
        StartArray();
        foreach (var value in values)
        {
            WriteString(value);
        }

        EndArray();
    }

    private void Open(byte token)
    {
        Separate();
        WriteByte(token);
        _needsComma = false;
    }

    private void Close(byte token)
    {
        WriteByte(token);
        _needsComma = true;
    }

    private void Separate()
    {
        if (_needsComma)
        {
            WriteByte((byte)',');
        }
    }

    private void WriteEscaped(string value)
    {
        WriteByte((byte)'"');

        // Most strings are printable ASCII without quotes or backslashes: find the first character
        // that needs a closer look with one vectorized search, and copy everything before it at once.
        var start = 0;
        var first = value.AsSpan().IndexOfAnyExcept(PlainAscii);
        if (first < 0)
        {
            WriteUtf8(value);
            WriteByte((byte)'"');
            return;
        }

        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new ArgumentException("Canonical JSON cannot hold a lone UTF-16 surrogate.", nameof(value));
            }

            WriteUtf8(value.AsSpan(start, i - start));
            WriteEscape(c);
            start = i + 1;
        }

        WriteUtf8(value.AsSpan(start));
        WriteByte((byte)'"');
    }

    private void WriteEscape(char c)
    {
        switch (c)
        {
            case '"': WriteRaw("\\\""u8); break;
            case '\\': WriteRaw("\\\\"u8); break;
            case '\b': WriteRaw("\\b"u8); break;
            case '\f': WriteRaw("\\f"u8); break;
            case '\n': WriteRaw("\\n"u8); break;
            case '\r': WriteRaw("\\r"u8); break;
            case '\t': WriteRaw("\\t"u8); break;
            default:
                Span<byte> escape = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', HexDigits[c >> 4], HexDigits[c & 0xF]];
                WriteRaw(escape);
                break;
        }
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        _output.Advance(written);
    }

    private void WriteAscii(string text)
    {
        var span = _output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        _output.Advance(text.Length);
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }
}
