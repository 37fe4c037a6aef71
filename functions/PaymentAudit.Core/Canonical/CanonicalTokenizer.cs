using System.Runtime.CompilerServices;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Reads JSON that is certainly in RFC 8785 canonical form, token by token, and stops at the first
/// byte that does not fit that form: whitespace anywhere, a member name out of order or repeated, an
/// escape JSON.stringify would not write, a number that is not a plain integer of at most 15 digits.
/// It also stops at canonical forms it does not settle (a fraction or an exponent, a non-ASCII or
/// escaped member name), so "stopped" means "not canonical, or not settled here": the exact answer
/// then comes from comparing the bytes with <see cref="JsonCanonicalizer"/>'s output.
/// </summary>
/// <remarks>
/// The grammar it accepts is a strict subset of JSON, so everything it reads to the end is one JSON
/// value. Strings are taken as they are: the input must be well-formed UTF-8 (checked by the callers,
/// once per input) for a "canonical" verdict to hold.
/// </remarks>
internal ref struct CanonicalTokenizer
{
    /// <summary>Containers may nest this deep; deeper input is left to the general reader.</summary>
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _json;
    private int _pos;
    private int _depth;
    private ulong _objects;
    private NameSlots _lastName;
    private Expect _expect;

    private CanonicalTokenizer(ReadOnlySpan<byte> json)
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
        Failed,
    }

    /// <summary>True when <paramref name="json"/> reads to its end as canonical JSON (the caller checks UTF-8).</summary>
    public static bool Recognizes(ReadOnlySpan<byte> json)
    {
        var tokenizer = new CanonicalTokenizer(json);
        while (tokenizer.Read())
        {
        }

        return tokenizer._expect == Expect.Done;
    }

    private bool Read()
    {
        switch (_expect)
        {
            case Expect.Value:
                return ReadValue();
            case Expect.MemberOrEnd:
                return At((byte)'}') ? End() : ReadName();
            case Expect.ItemOrEnd:
                return At((byte)']') ? End() : ReadValue();
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
                    if (_pos != _json.Length)
                    {
                        return Fail();
                    }

                    _expect = Expect.Done;
                    return false;
                }

                var inObject = (_objects & (1UL << (_depth - 1))) != 0;
                if (At((byte)','))
                {
                    _pos++;
                    return inObject ? ReadName() : ReadValue();
                }

                return At(inObject ? (byte)'}' : (byte)']') ? End() : Fail();
            default:
                return false;
        }
    }

    private readonly bool At(byte b) => _pos < _json.Length && _json[_pos] == b;

    private bool Fail()
    {
        _expect = Expect.Failed;
        return false;
    }

    private bool ReadValue()
    {
        if (_pos >= _json.Length)
        {
            return Fail();
        }

        switch (_json[_pos])
        {
            case (byte)'{':
                return Start(isObject: true);
            case (byte)'[':
                return Start(isObject: false);
            case (byte)'"':
                var end = CanonicalScalars.StringEnd(_json, _pos + 1, out _);
                return end < 0 ? Fail() : Advance(end + 1);
            case (byte)'t':
                return Literal("true"u8);
            case (byte)'f':
                return Literal("false"u8);
            case (byte)'n':
                return Literal("null"u8);
            default:
                // A fraction, an exponent or a leading zero after it ends up at the next token: not settled / not canonical.
                var integerEnd = CanonicalScalars.IntegerEnd(_json, _pos, out _);
                return integerEnd < 0 ? Fail() : Advance(integerEnd);
        }
    }

    private bool Advance(int to)
    {
        _pos = to;
        _expect = Expect.AfterValue;
        return true;
    }

    private bool Start(bool isObject)
    {
        if (_depth == MaxDepth)
        {
            return Fail();
        }

        if (isObject)
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
        _expect = isObject ? Expect.MemberOrEnd : Expect.ItemOrEnd;
        return true;
    }

    private bool End()
    {
        _depth--;
        return Advance(_pos + 1);
    }

    private bool Literal(ReadOnlySpan<byte> literal) =>
        _json[_pos..].StartsWith(literal) ? Advance(_pos + literal.Length) : Fail();

    private bool ReadName()
    {
        if (!At((byte)'"'))
        {
            return Fail();
        }

        // Names settled here are short plain ASCII: a byte loop beats a vectorized search on them.
        var start = _pos + 1;
        var p = start;
        while (true)
        {
            if (p >= _json.Length)
            {
                return Fail();
            }

            var b = _json[p];
            if (b == (byte)'"')
            {
                break;
            }

            if (b is < 0x20 or >= 0x80 or (byte)'\\')
            {
                return Fail();
            }

            p++;
        }

        // ASCII names sort by their bytes as by their UTF-16 code units; a repeat is out of order too.
        var name = _json[start..p];
        var last = _lastName[_depth];
        if (last >= 0 && !Precedes(_json.Slice((int)(last >> 32), (int)last), name))
        {
            return Fail();
        }

        _lastName[_depth] = ((long)start << 32) | (uint)name.Length;
        _pos = p + 1;
        _expect = Expect.AfterName;
        return true;
    }

    /// <summary>True when <paramref name="first"/> sorts strictly before <paramref name="second"/> (bytewise).</summary>
    private static bool Precedes(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var common = Math.Min(first.Length, second.Length);
        for (var i = 0; i < common; i++)
        {
            if (first[i] != second[i])
            {
                return first[i] < second[i];
            }
        }

        return first.Length < second.Length;
    }

    /// <summary>Per depth: start and length of the last member name read in the object at that depth, or -1 before the first.</summary>
    [InlineArray(MaxDepth + 2)]
    private struct NameSlots
    {
        private long _first;
    }
}
