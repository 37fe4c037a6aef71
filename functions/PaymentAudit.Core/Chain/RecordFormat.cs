namespace PaymentAudit.Core.Chain;

/// <summary>
/// Versions of the record body. Every body names its format (format 1 bodies, written before the
/// member existed, have none), and verification reads every format ever written.
/// </summary>
public static class RecordFormat
{
    /// <summary>
    /// The first format: a head item and an event guard per record in one transaction; rejected
    /// payloads stored whole (<c>rejection.payload</c>).
    /// </summary>
    public const int Transactional = 1;

    /// <summary>
    /// One conditional put per record; rejected payloads as a bounded preview plus the SHA-256 of
    /// the whole, which is archived; <c>redacted</c> field paths; conflicting duplicates.
    /// </summary>
    public const int SinglePut = 2;

    /// <summary>The format the writer produces.</summary>
    public const int Current = SinglePut;

    /// <summary>True when this release can verify <paramref name="format"/>.</summary>
    public static bool IsKnown(int format) => format is Transactional or SinglePut;
}
