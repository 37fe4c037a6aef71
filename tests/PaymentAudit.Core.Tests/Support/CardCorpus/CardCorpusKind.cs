namespace PaymentAudit.Core.Tests.Support.CardCorpus;

/// <summary>What a corpus category holds, and so which figure it feeds.</summary>
public enum CardCorpusKind
{
    /// <summary>Payloads carrying a card number: the guard must catch every one (recall).</summary>
    Pan,

    /// <summary>Events carrying an identifier real systems produce: the guard must leave them alone (false positives).</summary>
    Legitimate,

    /// <summary>
    /// Events carrying uniformly random digits: reported on their own, since a random number passes
    /// Luhn and an issuer range about as often as a card number would (see docs/card-numbers.md).
    /// </summary>
    Random,
}
