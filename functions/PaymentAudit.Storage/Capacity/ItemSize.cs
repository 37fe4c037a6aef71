using System.Text;
using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Storage.Capacity;

/// <summary>
/// The size of a DynamoDB item as DynamoDB bills and limits it: the sum of its attribute names and
/// values, by the rules of
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">DynamoDB item sizes and formats</see>.
/// The same size decides write and read units and counts against the
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items-size">400 KB item limit</see>.
/// </summary>
/// <remarks>
/// Rules, per value: a string is its UTF-8 bytes; a number is 1 byte per two significant digits
/// (leading and trailing zeros trimmed, rounded up) plus 1 byte; a binary is its raw bytes (not its
/// base64 text); null and Boolean are 1 byte; a list or map is 3 bytes plus, per element, 1 byte and
/// the element's size (a map element also counts its name's UTF-8 bytes). AWS documents no rule
/// for sets: here a set is the sum of its members' sizes, without overhead. Every top-level
/// attribute adds the UTF-8 bytes of its name.
/// </remarks>
public static class ItemSize
{
    /// <summary>DynamoDB's largest item, names and values included: 400 KB (1 KB = 1,024 bytes).</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>Overhead of a list or map, whatever it holds.</summary>
    private const int ContainerOverheadBytes = 3;

    /// <summary>Overhead of each element of a list or map.</summary>
    private const int ElementOverheadBytes = 1;

    /// <summary>The size in bytes of <paramref name="item"/>: every attribute's name and value.</summary>
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var size = 0;
        foreach (var (name, value) in item)
        {
            size += OfAttribute(name, value);
        }

        return size;
    }

    /// <summary>The size in bytes of one attribute: its name plus its value.</summary>
    public static int OfAttribute(string name, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Encoding.UTF8.GetByteCount(name) + OfValue(value);
    }

    /// <summary>The size in bytes of a value alone, without an attribute name.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> has no type set.</exception>
    public static int OfValue(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.S is not null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return OfNumber(value.N);
        }

        if (value.B is not null)
        {
            return checked((int)value.B.Length);
        }

        if (value.BOOL.HasValue || value.NULL.HasValue)
        {
            return 1;
        }

        if (value.SS is not null)
        {
            return value.SS.Sum(Encoding.UTF8.GetByteCount);
        }

        if (value.NS is not null)
        {
            return value.NS.Sum(OfNumber);
        }

        if (value.BS is not null)
        {
            return value.BS.Sum(b => checked((int)b.Length));
        }

        if (value.M is not null)
        {
            return ContainerOverheadBytes + value.M.Sum(e => ElementOverheadBytes + OfAttribute(e.Key, e.Value));
        }

        if (value.L is not null)
        {
            return ContainerOverheadBytes + value.L.Sum(e => ElementOverheadBytes + OfValue(e));
        }

        throw new ArgumentException("The attribute value has no type set (S, N, B, BOOL, NULL, SS, NS, BS, M or L).", nameof(value));
    }

    /// <summary>
    /// The size in bytes of a number given as DynamoDB's JSON text (e.g. <c>"-0.0120"</c>, <c>"1.5E+3"</c>):
    /// 1 byte per two significant digits, rounded up, plus 1 byte. Zero has no significant digit and
    /// takes 1 byte.
    /// </summary>
    /// <remarks>
    /// AWS calls the rule approximate; it is used as written, so a sign or an exponent adds nothing.
    /// Significant digits are the mantissa's digits from its first to its last non-zero digit.
    /// </remarks>
    /// <exception cref="FormatException"><paramref name="number"/> is not a decimal number.</exception>
    public static int OfNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var text = number.AsSpan().Trim();
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            text = text[1..];
        }

        var exponent = text.IndexOfAny('e', 'E');
        var mantissa = exponent >= 0 ? text[..exponent] : text;
        var digits = 0;
        var firstNonZero = -1;
        var lastNonZero = -1;
        var points = 0;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                points++;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                throw new FormatException($"'{number}' is not a DynamoDB number.");
            }

            if (c != '0')
            {
                firstNonZero = firstNonZero < 0 ? digits : firstNonZero;
                lastNonZero = digits;
            }

            digits++;
        }

        if (digits == 0 || points > 1)
        {
            throw new FormatException($"'{number}' is not a DynamoDB number.");
        }

        var significant = firstNonZero < 0 ? 0 : lastNonZero - firstNonZero + 1;
        return ((significant + 1) / 2) + 1;
    }
}
