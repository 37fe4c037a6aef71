using System.Security.Cryptography;
using System.Text;

namespace PaymentAudit.Auditing.Recording;

/// <summary>Fits a caller's identity into the contract's identifier rule (1-128 printable ASCII, no spaces).</summary>
public static class CallerIds
{
    private const int MaxLength = 128;

    /// <summary>
    /// <paramref name="identity"/> with spaces and non-ASCII replaced by <c>_</c>; an identity longer
    /// than 128 characters keeps its first 111 and a 16-hex-digit SHA-256 of the whole, so distinct
    /// callers stay distinct.
    /// </summary>
    public static string Normalize(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var text = new string(identity.Select(c => c is > ' ' and <= '~' ? c : '_').ToArray());
        if (text.Length == 0)
        {
            return "unknown-caller";
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return $"{text[..(MaxLength - 17)]}~{digest}";
    }
}
