namespace PaymentAudit.Core.Validation;

/// <summary>
/// Finds primary account numbers (PANs): runs of 13-19 digits, optionally grouped by single
/// spaces or dashes, that pass the Luhn check. Audit trails must never hold them (PCI DSS 3.3,
/// 10.2), so a payload carrying one is quarantined with the digits masked.
/// </summary>
/// <remarks>
/// A run is a maximal sequence of digit groups joined by one separator each. A PAN is either a
/// single group of 13-19 digits, or consecutive groups printed the way cards are (a first group
/// of four digits, then groups of three to six: 4-4-4-4, 4-6-5, 4-4-4-4-3) adding up to 13-19
/// digits. Either way it must not touch a letter or digit on its outer sides. This catches a
/// PAN inside free text or glued to a date by a dash, while hexadecimal ids such as UUIDs and
/// hashes, whose digit runs sit between letters, do not raise false alarms. A PAN written
/// directly against letters (<c>ref4111...</c>) is not detected; a letter closing an escape
/// sequence (<c>\n4111...</c>) does not count as one. Runs starting with 0 are not PANs (no card
/// scheme issues them), so zero-padded ids are left alone.
/// </remarks>
public static class CardNumberDetector
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;
    private const int KeptTrailingDigits = 4;

    /// <summary>True when <paramref name="text"/> contains at least one PAN.</summary>
    public static bool ContainsCardNumber(ReadOnlySpan<char> text)
    {
        // A static callback: the answer is Scan's result, so the common call allocates nothing.
        return Scan(text, static (_, _) => { }, stopAtFirst: true);
    }

    /// <summary>
    /// Returns <paramref name="text"/> with every digit of every PAN replaced by <c>*</c>, except
    /// the last four, and how many PANs were masked.
    /// </summary>
    public static (string Masked, int Count) Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? buffer = null;
        var count = 0;
        Scan(text, (start, end) =>
        {
            buffer ??= text.ToCharArray();
            count++;
            var digitsSeen = 0;
            var total = CountDigits(text.AsSpan(start, end - start));
            for (var i = start; i < end; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    continue;
                }

                digitsSeen++;
                if (digitsSeen <= total - KeptTrailingDigits)
                {
                    buffer[i] = '*';
                }
            }
        }, stopAtFirst: false);
        return (buffer is null ? text : new string(buffer), count);
    }

    /// <summary>Luhn (mod 10) check over the digits of <paramref name="digits"/>.</summary>
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

            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-';

    private delegate void MatchHandler(int start, int end);

    /// <summary>Finds the PANs in <paramref name="text"/>; true when there is at least one.</summary>
    private static bool Scan(ReadOnlySpan<char> text, MatchHandler onMatch, bool stopAtFirst)
    {
        Span<int> groupStarts = stackalloc int[64];
        Span<int> groupEnds = stackalloc int[64];
        var any = false;
        var i = 0;
        while (i < text.Length)
        {
            // Jump to the next digit (a vectorized search). It starts a run: the scan begins at the
            // text's start or just after a run, so the character before it is never a digit.
            var next = text[i..].IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                break;
            }

            i += next;

            // Most runs (ids, dates, hashes) hold fewer digits than any PAN: count them first and
            // record the groups only for runs that could hold one.
            var end = EndOfRun(text, i, out var runDigits);
            if (runDigits < MinDigits)
            {
                i = end;
                continue;
            }

            // Collect the run: digit groups separated by exactly one space or dash.
            var groups = 0;
            var position = i;
            while (true)
            {
                var groupStart = position;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }

                if (groups < groupStarts.Length)
                {
                    groupStarts[groups] = groupStart;
                    groupEnds[groups] = position;
                    groups++;
                }

                if (position + 1 < text.Length && IsSeparator(text[position]) && char.IsAsciiDigit(text[position + 1]))
                {
                    position++;
                    continue;
                }

                break;
            }

            if (FindInRun(text, groupStarts[..groups], groupEnds[..groups], onMatch, stopAtFirst))
            {
                any = true;
                if (stopAtFirst)
                {
                    return true;
                }
            }

            i = position;
        }

        return any;
    }

    /// <summary>Where the run starting at <paramref name="start"/> ends, and how many digits it holds.</summary>
    private static int EndOfRun(ReadOnlySpan<char> text, int start, out int digits)
    {
        digits = 0;
        var position = start;
        while (true)
        {
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
                digits++;
            }

            if (position + 1 < text.Length && IsSeparator(text[position]) && char.IsAsciiDigit(text[position + 1]))
            {
                position++;
                continue;
            }

            return position;
        }
    }

    private static bool FindInRun(
        ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, MatchHandler onMatch, bool stopAtFirst)
    {
        var any = false;
        var first = 0;
        while (first < starts.Length)
        {
            var matched = false;
            if (text[starts[first]] != '0' && !TouchesAlphanumeric(text, starts[first] - 1))
            {
                var digits = 0;
                for (var last = first; last < starts.Length; last++)
                {
                    var length = ends[last] - starts[last];
                    digits += length;
                    if (digits > MaxDigits || (last > first && !IsCardGroup(ends[first] - starts[first], length, isFirst: false)))
                    {
                        break;
                    }

                    if (last == first + 1 && !IsCardGroup(ends[first] - starts[first], length, isFirst: true))
                    {
                        break;
                    }

                    if (digits >= MinDigits && !TouchesAlphanumeric(text, ends[last]) && PassesLuhn(text[starts[first]..ends[last]]))
                    {
                        onMatch(starts[first], ends[last]);
                        any = matched = true;
                        if (stopAtFirst)
                        {
                            return true;
                        }

                        first = last + 1;
                        break;
                    }
                }
            }

            if (!matched)
            {
                first++;
            }
        }

        return any;
    }

    /// <summary>Grouped PANs start with four digits and continue in groups of three to six.</summary>
    private static bool IsCardGroup(int firstGroupLength, int groupLength, bool isFirst) =>
        isFirst ? firstGroupLength == 4 && groupLength is >= 3 and <= 6 : groupLength is >= 3 and <= 6;

    private static bool TouchesAlphanumeric(ReadOnlySpan<char> text, int index) =>
        index >= 0 && index < text.Length && char.IsAsciiLetterOrDigit(text[index])
        && !(index > 0 && text[index - 1] == '\\' && char.IsAsciiLetter(text[index]));
}
