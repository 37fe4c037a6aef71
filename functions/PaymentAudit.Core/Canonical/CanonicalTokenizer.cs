using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Reads JSON that is certainly in RFC 8785 canonical form, token by token, and stops
/// (<see cref="Failed"/>) at the first byte that does not fit that form: whitespace anywhere, a
/// member name out of order or repeated, an escape JSON.stringify would not write, a number that is
/// not a plain integer of at most 15 digits. It also stops at canonical forms it does not settle (a
/// fraction or an exponent, a non-ASCII or escaped member name), so "stopped" means "not canonical,
/// or not settled here": the exact answer then comes from comparing the bytes with
/// <see cref="JsonCanonicalizer"/>'s output.
/// </summary>
/// <remarks>
/// The grammar it accepts is a strict subset of JSON, so everything it reads to the end is one JSON
/// value. Strings are taken as they are: the input must be well-formed UTF-8 (checked by the callers,
/// once per input) for a "canonical" verdict to hold.
/// </remarks>
internal ref struct CanonicalTokenizer : IJsonTokens
{
    /// <summary>Containers may nest this deep; deeper input is left to the general reader.</summary>
    public const int MaxDepth = 64;

    /// <summary>What ends a run of plain string bytes: the closing quote, an escape, or a control character (invalid unescaped).</summary>
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private int _depth;
    private ulong _objects;
    private NameSlots _lastName;
    private Expect _expect;
    private int _tokenDepth;
    private long _integer;

    /// <summary>Starts reading <paramref name="json"/>, a complete document.</summary>
    public CanonicalTokenizer(ReadOnlySpan<byte> json)
    {
        _json = json;
        _expect = Expect.Value;
    }

    private enum Expect : byte
    {
        Value,
        MemberOrEnd,
        ItemOrEnd,
        AfterName,
        AfterValue,
        Done,
    }

    /// <summary>True once the reader met a byte that is not canonical (or not settled here); it reads no further.</summary>
    public bool Failed { readonly get; private set; }

    /// <inheritdoc/>
    public JsonTokenType TokenType { readonly get; private set; }

    /// <inheritdoc/>
    public int ValueStart { readonly get; private set; }

    /// <summary>Length of <see cref="ValueSpan"/>.</summary>
    public int ValueLength { readonly get; private set; }

    /// <inheritdoc/>
    public bool ValueIsEscaped { readonly get; private set; }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<byte> ValueSpan => _json.Slice(ValueStart, ValueLength);

    /// <summary>True when <paramref name="json"/> reads to its end as canonical JSON (the caller checks UTF-8).</summary>
    public static bool Recognizes(ReadOnlySpan<byte> json)
    {
        var tokenizer = new CanonicalTokenizer(json);
        while (tokenizer.Read())
        {
        }

        return !tokenizer.Failed;
    }

    /// <inheritdoc/>
    public bool Read()
    {
        switch (_expect)
        {
            case Expect.Value:
                return ReadValue();
            case Expect.MemberOrEnd:
                return At((byte)'}') ? End(JsonTokenType.EndObject) : ReadName();
            case Expect.ItemOrEnd:
                return At((byte)']') ? End(JsonTokenType.EndArray) : ReadValue();
            case Expect.AfterName:
                if (!At((byte)':'))
                {
                    return Fail();
                }

                _pos++;
                return ReadValue();
            case Expect.AfterValue:
                if (_depth == 0)
                {
                    _expect = Expect.Done;
                    return _pos == _json.Length ? false : Fail();
                }

                var inObject = (_objects & (1UL << (_depth - 1))) != 0;
                if (At((byte)','))
                {
                    _pos++;
                    return inObject ? ReadName() : ReadValue();
                }

                return At(inObject ? (byte)'}' : (byte)']') ? End(inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray) : Fail();
            default:
                return false;
        }
    }

    /// <inheritdoc/>
    public void SkipValue()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        // The closing token is the first one back at the opening token's depth.
        var depth = _tokenDepth;
        while (Read() && _tokenDepth != depth)
        {
        }
    }

    /// <inheritdoc/>
    public readonly bool TryGetInt64(out long value)
    {
        value = _integer;
        return TokenType == JsonTokenType.Number;
    }

    /// <inheritdoc/>
    public readonly bool TryCopyString(scoped Span<byte> destination, out int written)
    {
        // Names are never escaped here, and strings are only copied by the general reader.
        written = 0;
        if (ValueIsEscaped || ValueLength > destination.Length)
        {
            return false;
        }

        ValueSpan.CopyTo(destination);
        written = ValueLength;
        return true;
    }

    private readonly bool At(byte b) => _pos < _json.Length && _json[_pos] == b;

    private bool Fail()
    {
        Failed = true;
        _expect = Expect.Done;
        TokenType = JsonTokenType.None;
        return false;
    }

    private bool ReadValue()
    {
        if (_pos >= _json.Length)
        {
            return Fail();
        }

        _tokenDepth = _depth;
        ValueStart = _pos;
        ValueIsEscaped = false;
        switch (_json[_pos])
        {
            case (byte)'{':
                return Start(JsonTokenType.StartObject, Expect.MemberOrEnd);
            case (byte)'[':
                return Start(JsonTokenType.StartArray, Expect.ItemOrEnd);
            case (byte)'"':
                return ReadString(JsonTokenType.String, Expect.AfterValue);
            case (byte)'t':
                return Literal("true"u8, JsonTokenType.True);
            case (byte)'f':
                return Literal("false"u8, JsonTokenType.False);
            case (byte)'n':
                return Literal("null"u8, JsonTokenType.Null);
            default:
                return ReadInteger();
        }
    }

    private bool Start(JsonTokenType type, Expect next)
    {
        if (_depth == MaxDepth)
        {
            return Fail();
        }

        if (type == JsonTokenType.StartObject)
        {
            _objects |= 1UL << _depth;
            _lastName[_depth + 1] = -1;
        }
        else
        {
            _objects &= ~(1UL << _depth);
        }

        _depth++;
        _pos++;
        ValueLength = 1;
        TokenType = type;
        _expect = next;
        return true;
    }

    private bool End(JsonTokenType type)
    {
        _depth--;
        _tokenDepth = _depth;
        ValueStart = _pos;
        ValueLength = 1;
        ValueIsEscaped = false;
        _pos++;
        TokenType = type;
        _expect = Expect.AfterValue;
        return true;
    }

    private bool Literal(ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_json[_pos..].StartsWith(literal))
        {
            return Fail();
        }

        _pos += literal.Length;
        ValueLength = literal.Length;
        TokenType = type;
        _expect = Expect.AfterValue;
        return true;
    }

    /// <summary>-?(0|[1-9][0-9]{0,14}): integers whose ECMAScript form is their own (exact within 2^53).</summary>
    private bool ReadInteger()
    {
        var p = _pos;
        var negative = _json[p] == (byte)'-';
        if (negative)
        {
            p++;
        }

        var first = p;
        long value = 0;
        while (p < _json.Length && (uint)(_json[p] - '0') <= 9)
        {
            value = (value * 10) + (_json[p] - '0');
            p++;

            if (p - first > 15)
            {
                return Fail();
            }
        }

        var digits = p - first;

        // A fraction, an exponent or a leading zero ends up here or at the next token: not settled / not canonical.
        if (digits == 0 || (_json[first] == (byte)'0' && (digits > 1 || negative)))
        {
            return Fail();
        }

        _integer = negative ? -value : value;
        ValueLength = p - _pos;
        _pos = p;
        TokenType = JsonTokenType.Number;
        _expect = Expect.AfterValue;
        return true;
    }

    private bool ReadName()
    {
        if (!At((byte)'"'))
        {
            return Fail();
        }

        _tokenDepth = _depth;
        if (!ReadString(JsonTokenType.PropertyName, Expect.AfterName))
        {
            return false;
        }

        var name = ValueSpan;
        if (ValueIsEscaped || !System.Text.Ascii.IsValid(name))
        {
            return Fail();
        }

        // ASCII names sort by their bytes as by their UTF-16 code units; a repeat is out of order too.
        var last = _lastName[_depth];
        if (last >= 0 && _json.Slice((int)(last >> 32), (int)last).SequenceCompareTo(name) >= 0)
        {
            return Fail();
        }

        _lastName[_depth] = ((long)ValueStart << 32) | (uint)ValueLength;
        return true;
    }

    private bool ReadString(JsonTokenType type, Expect next)
    {
        var start = _pos + 1;
        var p = start;
        var escaped = false;
        while (true)
        {
            var special = _json[p..].IndexOfAny(StringSpecials);
            if (special < 0)
            {
                return Fail();
            }

            p += special;
            var b = _json[p];
            if (b == (byte)'"')
            {
                break;
            }

            var escape = b == (byte)'\\' ? CanonicalEscapeLength(_json[p..]) : 0;
            if (escape == 0)
            {
                // A raw control character (not JSON), or an escape JSON.stringify would not write.
                return Fail();
            }

            escaped = true;
            p += escape;
        }

        ValueStart = start;
        ValueLength = p - start;
        ValueIsEscaped = escaped;
        _pos = p + 1;
        TokenType = type;
        _expect = next;
        return true;
    }

    /// <summary>
    /// Length of the escape at the start of <paramref name="escape"/> when JSON.stringify writes it so:
    /// \" \\ \b \f \n \r \t, and \u00xx (lowercase hex) for the other control characters; else 0.
    /// </summary>
    private static int CanonicalEscapeLength(ReadOnlySpan<byte> escape)
    {
        if (escape.Length < 2)
        {
            return 0;
        }

        switch (escape[1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u' when escape.Length >= 6 && escape[2] == (byte)'0' && escape[3] == (byte)'0' && escape[4] is (byte)'0' or (byte)'1' && IsLowerHex(escape[5]):
                var value = ((escape[4] - '0') << 4) | HexValue(escape[5]);

                // These have a short form, which is the canonical one.
                return value is 0x08 or 0x09 or 0x0A or 0x0C or 0x0D ? 0 : 6;
            default:
                return 0;
        }
    }

    private static bool IsLowerHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f');

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : b - 'a' + 10;

    /// <summary>Per depth: start and length of the last member name read in the object at that depth, or -1 before the first.</summary>
    [InlineArray(MaxDepth + 2)]
    private struct NameSlots
    {
        private long _first;
    }
}
