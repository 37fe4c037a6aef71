namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// Card-like digit strings. The Luhn verdict of each was checked with an independent
/// implementation; the brand test numbers are the ones card networks publish for testing.
/// </summary>
public static class Pans
{
    /// <summary>Visa test number, 16 digits, Luhn-valid.</summary>
    public const string Visa = "4111111111111111";

    /// <summary><see cref="Visa"/> with the last digit changed: Luhn-invalid.</summary>
    public const string VisaWrongCheckDigit = "4111111111111112";

    /// <summary>Mastercard test number, 16 digits, Luhn-valid.</summary>
    public const string Mastercard = "5555555555554444";

    /// <summary>American Express test number, 15 digits, Luhn-valid.</summary>
    public const string Amex = "378282246310005";

    /// <summary>13-digit Visa test number, Luhn-valid (the shortest PAN length).</summary>
    public const string Visa13 = "4222222222222";

    /// <summary>19 digits, Luhn-valid (the longest PAN length).</summary>
    public const string Nineteen = "4111111111111111110";

    /// <summary>12 digits, Luhn-valid: too short to be a PAN.</summary>
    public const string Twelve = "411111111117";

    /// <summary>20 digits, Luhn-valid: too long to be a PAN.</summary>
    public const string Twenty = "41111111111111111115";
}
