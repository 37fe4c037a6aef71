using System.Text;

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

    /// <summary>Mastercard 2-series test number (range 2221-2720), 16 digits, Luhn-valid.</summary>
    public const string Mastercard2Series = "2221000000000009";

    /// <summary>American Express test number, 15 digits, Luhn-valid.</summary>
    public const string Amex = "378282246310005";

    /// <summary>Diners Club test number, 14 digits, Luhn-valid.</summary>
    public const string Diners14 = "30569309025904";

    /// <summary>13-digit Visa test number, Luhn-valid (the shortest PAN length).</summary>
    public const string Visa13 = "4222222222222";

    /// <summary>19-digit Visa, Luhn-valid (the longest PAN length).</summary>
    public const string Nineteen = "4111111111111111110";

    /// <summary>12 digits, Luhn-valid: too short to be a PAN.</summary>
    public const string Twelve = "411111111117";

    /// <summary>20 digits, Luhn-valid: too long to be a PAN.</summary>
    public const string Twenty = "41111111111111111115";

    /// <summary>
    /// A Luhn-valid number of <paramref name="length"/> digits starting with <paramref name="prefix"/>:
    /// the prefix, then the digits 1, 2, 3, ... 9, 0, 1, ... and a check digit.
    /// </summary>
    public static string WithLength(string prefix, int length)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var number = new StringBuilder(prefix);
        for (var i = 1; number.Length < length - 1; i++)
        {
            number.Append((char)('0' + (i % 10)));
        }

        return WithCheckDigit(number.ToString());
    }

    /// <summary><paramref name="payload"/> followed by the digit that makes it Luhn-valid.</summary>
    public static string WithCheckDigit(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            // Counted from the right of the finished number, the payload's last digit is doubled.
            var digit = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return payload + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
