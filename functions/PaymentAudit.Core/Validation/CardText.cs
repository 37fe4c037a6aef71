using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// Reads text the way a person reads a card number out of it: one unit at a time, where a unit is
/// a character, a surrogate pair, or a JSON escape (<c>\u0034</c>, <c>\n</c>, ...) taken as the
/// character it stands for. Escapes are decoded in any text, JSON or not, and a run of backslashes
/// before an escape letter counts as one introducer, so <c>\\u0034</c> (an escape written inside a
/// JSON string) reads as the digit it spells, just as the decoded string does.
/// </summary>
internal static class CardText
{
    /// <summary>
    /// Reads the unit starting at <paramref name="index"/>: its kind, its length in chars (at least
    /// one) and, for a digit, its value. Every Unicode decimal digit (category Nd) is a digit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CardTextUnit Read(ReadOnlySpan<char> text, int index, out int length, out int digit)
    {
        // Nearly every unit is a plain ASCII character: decide those here, inlined into the scan loops.
        var c = text[index];
        if (c < 0x80 && c != '\\')
        {
            length = 1;
            return Classify(c, out digit);
        }

        return ReadEscapeOrNonAscii(text, index, out length, out digit);
    }

    /// <summary>The kind of a single character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CardTextUnit Classify(char c, out int digit)
    {
        digit = 0;
        if (char.IsAsciiDigit(c))
        {
            digit = c - '0';
            return CardTextUnit.Digit;
        }

        if (c < 0x80)
        {
            // A double quote ends a JSON string: values of different fields are never read as one number.
            return char.IsAsciiLetter(c) || c == '"' ? CardTextUnit.Breaker : CardTextUnit.Separator;
        }

        return ClassifyNonAscii(c, out digit);
    }

    private static CardTextUnit ReadEscapeOrNonAscii(ReadOnlySpan<char> text, int index, out int length, out int digit)
    {
        var c = text[index];
        length = 1;
        if (c == '\\')
        {
            return ReadEscape(text, index, out length, out digit);
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return Classify(new Rune(c, text[index + 1]), out digit);
        }

        return ClassifyNonAscii(c, out digit);
    }

    private static CardTextUnit ClassifyNonAscii(char c, out int digit)
    {
        digit = 0;
        if (char.IsSurrogate(c))
        {
            return CardTextUnit.Separator;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.DecimalDigitNumber)
        {
            digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            return CardTextUnit.Digit;
        }

        return OfCategory(category);
    }

    private static CardTextUnit Classify(Rune rune, out int digit)
    {
        digit = 0;
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.DecimalDigitNumber)
        {
            digit = (int)Rune.GetNumericValue(rune);
            return CardTextUnit.Digit;
        }

        return OfCategory(category);
    }

    private static CardTextUnit OfCategory(UnicodeCategory category) => category switch
    {
        // Invisible characters (zero-width spaces, soft hyphens, combining marks) are read through:
        // "4111\u200B1111..." looks like one block of digits.
        UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => CardTextUnit.Transparent,
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CardTextUnit.Breaker,
        _ => CardTextUnit.Separator,
    };

    /// <summary>A backslash run and what it introduces: <c>\uXXXX</c> (one or a surrogate pair), a short escape, or nothing.</summary>
    private static CardTextUnit ReadEscape(ReadOnlySpan<char> text, int index, out int length, out int digit)
    {
        var run = CountBackslashes(text, index);
        var next = index + run;
        digit = 0;
        if (TryReadHex(text, next, out var unit))
        {
            length = run + 5;
            var low = index + length;
            if (char.IsHighSurrogate(unit) && CountBackslashes(text, low) == run && TryReadHex(text, low + run, out var second) && char.IsLowSurrogate(second))
            {
                length += run + 5;
                return Classify(new Rune(unit, second), out digit);
            }

            // A decoded backslash is plain punctuation here: it does not start another escape.
            return Classify(unit, out digit);
        }

        if (next < text.Length && text[next] is 'n' or 'r' or 't' or 'b' or 'f' or '/' or '"')
        {
            length = run + 1;
            return text[next] == '"' ? CardTextUnit.Breaker : CardTextUnit.Separator;
        }

        length = run;
        return CardTextUnit.Separator;
    }

    private static int CountBackslashes(ReadOnlySpan<char> text, int index)
    {
        var end = index;
        while (end < text.Length && text[end] == '\\')
        {
            end++;
        }

        return end - index;
    }

    /// <summary>Reads <c>uXXXX</c> at <paramref name="index"/>.</summary>
    private static bool TryReadHex(ReadOnlySpan<char> text, int index, out char unit)
    {
        unit = '\0';
        if (index + 5 > text.Length || text[index] != 'u')
        {
            return false;
        }

        var value = 0;
        for (var i = index + 1; i < index + 5; i++)
        {
            var h = text[i];
            int nibble;
            if (char.IsAsciiDigit(h))
            {
                nibble = h - '0';
            }
            else if (char.IsAsciiHexDigitUpper(h))
            {
                nibble = h - 'A' + 10;
            }
            else if (char.IsAsciiHexDigitLower(h))
            {
                nibble = h - 'a' + 10;
            }
            else
            {
                return false;
            }

            value = (value << 4) | nibble;
        }

        unit = (char)value;
        return true;
    }
}
