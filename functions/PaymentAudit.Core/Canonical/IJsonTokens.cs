using System.Text.Json;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// A forward-only reader of JSON tokens, so one piece of reading logic can run over either
/// <see cref="CanonicalTokenizer"/> (canonical bytes, fast) or <see cref="Utf8JsonTokens"/> (any JSON).
/// </summary>
internal interface IJsonTokens
{
    /// <summary>The type of the current token.</summary>
    JsonTokenType TokenType { get; }

    /// <summary>The raw bytes of the current token; for strings and names without the quotes, still escaped.</summary>
    ReadOnlySpan<byte> ValueSpan { get; }

    /// <summary>Where <see cref="ValueSpan"/> starts in the input.</summary>
    int ValueStart { get; }

    /// <summary>True when the current string or name holds escape sequences.</summary>
    bool ValueIsEscaped { get; }

    /// <summary>Reads the next token; false at the end of the input (or where the reader stopped).</summary>
    bool Read();

    /// <summary>Reads past the value whose first token is current (nothing to do for a scalar).</summary>
    void SkipValue();

    /// <summary>Parses the current number token as a 64-bit integer, as <see cref="JsonElement.TryGetInt64"/> does.</summary>
    bool TryGetInt64(out long value);

    /// <summary>Copies the current string or name, unescaped, into <paramref name="destination"/>; false when it does not fit or does not decode.</summary>
    bool TryCopyString(scoped Span<byte> destination, out int written);
}
