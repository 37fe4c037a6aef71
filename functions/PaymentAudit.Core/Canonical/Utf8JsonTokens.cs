using System.Text.Json;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// <see cref="IJsonTokens"/> over System.Text.Json's reader, with <see cref="JsonDocument"/>'s
/// defaults: any JSON a document would parse, and <see cref="JsonException"/> for anything else.
/// </summary>
internal ref struct Utf8JsonTokens : IJsonTokens
{
    private Utf8JsonReader _reader;

    /// <summary>Starts reading <paramref name="json"/>, a complete document.</summary>
    public Utf8JsonTokens(ReadOnlySpan<byte> json) => _reader = new Utf8JsonReader(json);

    /// <inheritdoc/>
    public readonly JsonTokenType TokenType => _reader.TokenType;

    /// <inheritdoc/>
    public readonly ReadOnlySpan<byte> ValueSpan => _reader.ValueSpan;

    /// <inheritdoc/>
    public readonly int ValueStart => _reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
        ? (int)_reader.TokenStartIndex + 1
        : (int)_reader.TokenStartIndex;

    /// <inheritdoc/>
    public readonly bool ValueIsEscaped => _reader.ValueIsEscaped;

    /// <inheritdoc/>
    /// <exception cref="JsonException">The input is not one JSON value.</exception>
    public bool Read() => _reader.Read();

    /// <inheritdoc/>
    public void SkipValue() => _reader.Skip();

    /// <inheritdoc/>
    public readonly bool TryGetInt64(out long value) => _reader.TryGetInt64(out value);

    /// <inheritdoc/>
    public readonly bool TryCopyString(scoped Span<byte> destination, out int written)
    {
        written = 0;

        // Unescaping never lengthens a string.
        if (_reader.ValueSpan.Length > destination.Length)
        {
            return false;
        }

        try
        {
            written = _reader.CopyString(destination);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
