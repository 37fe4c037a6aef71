using System.Buffers;
using System.Text;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// Finds primary account numbers (PANs) the way a person reading the text would, and masks them.
/// Audit trails must never hold a readable PAN (PCI DSS 3.3, 3.4, 10.2). The rule is documented in
/// <c>docs/card-numbers.md</c>.
/// </summary>
/// <remarks>
/// <para>
/// Reading: JSON escapes are decoded in any text (<c>\u0034</c> is a 4, <c>\n</c> a line break),
/// every Unicode decimal digit counts with its value (Arabic-Indic, Devanagari, full-width, ...),
/// and invisible characters (zero-width spaces, soft hyphens) are read through. Digits form
/// groups; groups joined by any run of separators (whitespace, punctuation, symbols) form a run;
/// a letter or a double quote ends a run, but a PAN may touch letters (<c>card5102...</c>).
/// </para>
/// <para>
/// A candidate is one group of 13-19 digits, or consecutive groups printed the way cards are: a
/// first group of four to six digits, middle groups of three to six and a last group of any size
/// (4-4-4-4, 4-6-5, 4-4-4-2, 4-4-4-4-3), or the way long numbers are (thousands separators: a
/// first group of one to three digits, then groups of three), 13-19 digits in all. A candidate is
/// a PAN when it passes the Luhn check and a card brand issues numbers of its length in the range
/// of its leading digits (<c>card-iin-ranges.json</c>). Requiring both keeps timestamps, snowflake
/// ids and date-prefixed order numbers, which Luhn alone passes one time in ten, from being taken
/// for card numbers. Digits inside a hexadecimal identifier (a UUID with or without dashes, a hash,
/// an object id: 24 or more hex digits with a letter among them) are never read as one.
/// </para>
/// </remarks>
public static class CardNumberDetector
{
    /// <summary>Fewest digits of a PAN this detector looks for.</summary>
    internal const int MinDigits = 13;

    /// <summary>Most digits of a PAN (ISO/IEC 7812-1).</summary>
    internal const int MaxDigits = 19;

    private const int KeptTrailingDigits = 4;

    /// <summary>Groups held at once.</summary>
    private const int MaxGroups = 32;

    /// <summary>Most groups in a candidate: seven in thousands style (1 + 6 x 3 = 19 digits); card style has at most six.</summary>
    private const int MaxWindowGroups = 7;

    /// <summary>Characters in a UUID's text form (8-4-4-4-12 hex digits).</summary>
    private const int UuidLength = 36;

    /// <summary>Shortest unbroken hex run taken for an identifier: a 96-bit object id; UUIDs (32) and hashes are longer.</summary>
    private const int MinHexIdentifierLength = 24;

    /// <summary>Characters that may start a unit other than a plain ASCII letter or separator.</summary>
    private static readonly SearchValues<char> DigitsOrBackslash = SearchValues.Create("0123456789\\");

    /// <summary>True when <paramref name="text"/> contains at least one PAN. Allocates nothing.</summary>
    public static bool ContainsCardNumber(ReadOnlySpan<char> text) => TryFind(text, 0, out _);

    /// <summary>
    /// Returns <paramref name="text"/> (any text, JSON or not) with every PAN masked, and how many
    /// PANs were masked. Each source unit spelling a digit of a PAN (an ASCII digit, any other
    /// decimal digit, or a whole escape such as <c>\u0034</c>) becomes one <c>*</c>, except the
    /// PAN's last four digits; separators stay. The result contains no PAN under the same reading,
    /// a JSON document whose PANs sat inside strings stays valid JSON, and masking the result
    /// again changes nothing. Text without a PAN is returned as the same instance.
    /// </summary>
    public static (string Masked, int Count) Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = 0;
        var current = text;

        // Masking keeps four digits of each PAN, which may join a neighbouring group into a new
        // candidate ("**** 4444 1234 ..."): mask again until nothing is found. Each pass masks at
        // least nine digits, so this ends.
        while (true)
        {
            var (masked, count) = MaskOnce(current);
            if (count == 0)
            {
                return (current, total);
            }

            total += count;
            current = masked;
        }
    }

    /// <summary>Luhn (mod 10) check over the ASCII digits of <paramref name="digits"/>; other characters are skipped.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                continue;
            }

            sum += LuhnTerm(digits[i] - '0', doubleIt);
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>True when <paramref name="digits"/> (values 0-9) is a PAN: 13-19 digits, an issuer range of that length, Luhn.</summary>
    internal static bool IsCardNumber(ReadOnlySpan<byte> digits)
    {
        if (digits.Length is < MinDigits or > MaxDigits)
        {
            return false;
        }

        var prefix = 0;
        for (var i = 0; i < 8; i++)
        {
            prefix = (prefix * 10) + digits[i];
        }

        if (!IssuerRanges.Default.Matches(prefix, digits.Length))
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += LuhnTerm(digits[i], doubleIt);
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static int LuhnTerm(int digit, bool doubleIt)
    {
        if (!doubleIt)
        {
            return digit;
        }

        var doubled = digit * 2;
        return doubled > 9 ? doubled - 9 : doubled;
    }

    private static (string Masked, int Count) MaskOnce(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var count = 0;
        var position = 0;
        while (TryFind(text, position, out var match))
        {
            builder ??= new StringBuilder(text.Length);
            count++;
            var digitsSeen = 0;
            var i = match.Start;
            while (i < match.End)
            {
                if (CardText.Read(text, i, out var length, out _) == CardTextUnit.Digit)
                {
                    digitsSeen++;
                    if (digitsSeen <= match.Digits - KeptTrailingDigits)
                    {
                        builder.Append(text, copied, i - copied).Append('*');
                        copied = i + length;
                    }
                }

                i += length;
            }

            position = match.End;
        }

        if (builder is null)
        {
            return (text, 0);
        }

        builder.Append(text, copied, text.Length - copied);
        return (builder.ToString(), count);
    }

    /// <summary>Finds the first PAN that starts at or after <paramref name="from"/>.</summary>
    private static bool TryFind(ReadOnlySpan<char> text, int from, out Match match)
    {
        Span<Group> groups = stackalloc Group[MaxGroups];
        var nonAscii = -1;
        var position = from;
        while (true)
        {
            var start = NextDigit(text, position, ref nonAscii);
            if (start < 0)
            {
                match = default;
                return false;
            }

            // Most runs (dates, short ids, amounts) are plain ASCII and hold fewer digits than any
            // PAN: count them in a tight loop and read only the others unit by unit.
            var digits = CountPlainRun(text, start, out var end);
            if (digits is >= 0 and < MinDigits)
            {
                position = end;
                continue;
            }

            // Hexadecimal identifiers hold long digit runs by chance, and in a time-ordered UUIDv7
            // the same all-digit timestamp digits repeat for every id of the same seconds: read as
            // card numbers, they would refuse whole bursts of event ids.
            if (HexIdentifierAround(text, start) is var identifierEnd and > 0)
            {
                position = identifierEnd;
                continue;
            }

            if (FindInRun(text, start, groups, out match, out position))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// The digits of the run starting at <paramref name="start"/> and where it ends, when the run is
    /// plain ASCII; -1 when it holds an escape or a non-ASCII character and needs the full reading.
    /// </summary>
    private static int CountPlainRun(ReadOnlySpan<char> text, int start, out int end)
    {
        var digits = 0;
        var i = start;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c >= 0x80 || c == '\\')
            {
                end = i;
                return -1;
            }
            else if (char.IsAsciiLetter(c) || c == '"')
            {
                break;
            }
        }

        end = i;
        return digits;
    }

    /// <summary>
    /// Where the hexadecimal identifier that holds <paramref name="index"/> ends, or -1 when there
    /// is none: a UUID (8-4-4-4-12 hex digits) or an unbroken run of at least
    /// <see cref="MinHexIdentifierLength"/> hex digits with a letter among them (a UUID without
    /// dashes, a hash, an object id), in either case not touching another letter or digit.
    /// </summary>
    private static int HexIdentifierAround(ReadOnlySpan<char> text, int index)
    {
        var start = index;
        while (start > 0 && char.IsAsciiHexDigit(text[start - 1]))
        {
            start--;
        }

        var end = index;
        var letters = 0;
        while (end < text.Length && char.IsAsciiHexDigit(text[end]))
        {
            letters += char.IsAsciiDigit(text[end]) ? 0 : 1;
            end++;
        }

        for (var i = start; i < index; i++)
        {
            letters += char.IsAsciiDigit(text[i]) ? 0 : 1;
        }

        var alone = (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1])) && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]));
        return alone && letters > 0 && end - start >= MinHexIdentifierLength ? end : UuidAround(text, index);
    }

    /// <summary>
    /// Where the UUID (8-4-4-4-12 hex digits, not touching a letter or digit) that holds
    /// <paramref name="index"/> ends, or -1 when there is none.
    /// </summary>
    private static int UuidAround(ReadOnlySpan<char> text, int index)
    {
        for (var start = Math.Max(0, index - (UuidLength - 1)); start <= index && start + UuidLength <= text.Length; start++)
        {
            var end = start + UuidLength;
            if ((start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || (end < text.Length && char.IsAsciiLetterOrDigit(text[end])))
            {
                continue;
            }

            var uuid = true;
            for (var i = 0; i < UuidLength && uuid; i++)
            {
                uuid = i is 8 or 13 or 18 or 23 ? text[start + i] == '-' : char.IsAsciiHexDigit(text[start + i]);
            }

            if (uuid)
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary>Where the next digit unit starts, or -1. Skips plain ASCII text with vectorized searches.</summary>
    private static int NextDigit(ReadOnlySpan<char> text, int position, ref int nonAscii)
    {
        while (position < text.Length)
        {
            if (nonAscii < position)
            {
                var found = text[position..].IndexOfAnyExceptInRange('\0', '\u007f');
                nonAscii = found < 0 ? text.Length : position + found;
            }

            var next = text[position..nonAscii].IndexOfAny(DigitsOrBackslash);
            position = next < 0 ? nonAscii : position + next;
            if (position >= text.Length)
            {
                return -1;
            }

            if (CardText.Read(text, position, out var length, out _) == CardTextUnit.Digit)
            {
                return position;
            }

            position += length;
        }

        return -1;
    }

    /// <summary>
    /// Reads the run starting with the digit at <paramref name="start"/> and looks for a PAN in it.
    /// <paramref name="resume"/> is where to continue: after the run, or after the PAN found.
    /// </summary>
    private static bool FindInRun(ReadOnlySpan<char> text, int start, Span<Group> groups, out Match match, out int resume)
    {
        var count = 0;
        var runDigits = 0;
        var flushed = false;
        var groupStart = start;
        var groupEnd = start;
        var groupDigits = 0;
        var separated = false;
        var i = start;
        while (i < text.Length)
        {
            var unit = CardText.Read(text, i, out var length, out _);
            if (unit == CardTextUnit.Breaker)
            {
                break;
            }

            if (unit == CardTextUnit.Digit)
            {
                if (separated)
                {
                    if (Close(text, groups, ref count, new Group(groupStart, groupEnd, groupDigits), ref flushed, out match))
                    {
                        resume = match.End;
                        return true;
                    }

                    groupStart = i;
                    groupDigits = 0;
                    separated = false;
                }

                groupDigits++;
                runDigits++;
                groupEnd = i + length;
            }
            else if (unit == CardTextUnit.Separator)
            {
                separated = true;
            }

            i += length;
        }

        resume = i;

        // Most runs (dates, short ids, amounts) hold fewer digits than any PAN.
        if (!flushed && runDigits < MinDigits)
        {
            match = default;
            return false;
        }

        if (Close(text, groups, ref count, new Group(groupStart, groupEnd, groupDigits), ref flushed, out match))
        {
            resume = match.End;
            return true;
        }

        var next = Evaluate(text, groups[..count], 0, count, out match);
        if (next < 0)
        {
            resume = match.End;
            return true;
        }

        return false;
    }

    /// <summary>Adds a finished group; when the buffer is full, evaluates the windows it fully holds and keeps the rest.</summary>
    private static bool Close(ReadOnlySpan<char> text, Span<Group> groups, ref int count, Group group, ref bool flushed, out Match match)
    {
        match = default;
        groups[count++] = group;
        if (count < groups.Length)
        {
            return false;
        }

        flushed = true;
        var next = Evaluate(text, groups, 0, count - MaxWindowGroups, out match);
        if (next < 0)
        {
            return true;
        }

        groups[next..count].CopyTo(groups);
        count -= next;
        return false;
    }

    /// <summary>
    /// Tries the windows starting at groups <paramref name="first"/> to <paramref name="last"/> - 1,
    /// longest first per start. Returns -1 with the match, or the first start not tried.
    /// </summary>
    private static int Evaluate(ReadOnlySpan<char> text, ReadOnlySpan<Group> groups, int first, int last, out Match match)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        for (var s = first; s < last; s++)
        {
            var best = -1;
            var bestDigits = 0;
            var total = 0;
            var cardStyle = true;
            var thousands = true;
            for (var e = s; e < groups.Length; e++)
            {
                if (e > s)
                {
                    // Extending the window makes the previous last group a first or middle group.
                    cardStyle &= e == s + 1 ? groups[s].Digits is >= 4 and <= 6 : groups[e - 1].Digits is >= 3 and <= 6;
                    thousands &= (e > s + 1 || groups[s].Digits <= 3) && groups[e].Digits == 3;
                    if (!cardStyle && !thousands)
                    {
                        break;
                    }
                }

                total += groups[e].Digits;
                if (total > MaxDigits)
                {
                    break;
                }

                if (total >= MinDigits && IsCardNumber(Collect(text, groups[s].Start, groups[e].End, digits)))
                {
                    best = e;
                    bestDigits = total;
                }
            }

            if (best >= 0)
            {
                match = new Match(groups[s].Start, groups[best].End, bestDigits);
                return -1;
            }
        }

        match = default;
        return last;
    }

    /// <summary>The digit values between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static ReadOnlySpan<byte> Collect(ReadOnlySpan<char> text, int start, int end, Span<byte> digits)
    {
        var n = 0;
        var i = start;
        while (i < end && n < digits.Length)
        {
            if (CardText.Read(text, i, out var length, out var digit) == CardTextUnit.Digit)
            {
                digits[n++] = (byte)digit;
            }

            i += length;
        }

        return digits[..n];
    }

    /// <summary>A group of consecutive digits: where it starts and ends in the text, and how many digits it holds.</summary>
    private readonly record struct Group(int Start, int End, int Digits);

    /// <summary>A PAN found: its first digit's start, its last digit's end, and its digit count.</summary>
    private readonly record struct Match(int Start, int End, int Digits);
}
