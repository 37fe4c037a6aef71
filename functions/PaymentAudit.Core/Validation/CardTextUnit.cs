namespace PaymentAudit.Core.Validation;

/// <summary>What one unit of text is to a reader looking for card numbers (see <see cref="CardText"/>).</summary>
internal enum CardTextUnit : byte
{
    /// <summary>Whitespace, punctuation, symbols, control characters: may stand between digit groups.</summary>
    Separator,

    /// <summary>A letter (or a double quote): ends a run of digit groups, though a card number may touch it.</summary>
    Breaker,

    /// <summary>An invisible character (format character, combining mark): read through as if absent.</summary>
    Transparent,

    /// <summary>A decimal digit of any script, or an escape standing for one.</summary>
    Digit,
}
