using System.Text.Unicode;

namespace PaymentAudit.Core.Canonical;

/// <summary>
/// Decides in one pass over the bytes, without re-writing them, whether JSON is certainly in RFC 8785
/// canonical form: no whitespace between tokens, member names in increasing order, strings escaped
/// exactly as ECMAScript's JSON.stringify escapes them, integers in plain form. It settles the common
/// case only: a "no" means "not canonical, or a form this check does not settle" (a fraction or an
/// exponent, a non-ASCII or escaped member name), and the exact answer then comes from comparing the
/// bytes with <see cref="JsonCanonicalizer"/>'s output.
/// </summary>
public static class CanonicalFormCheck
{
    /// <summary>True when <paramref name="json"/> is certainly canonical; false when it is not, or when this check cannot tell.</summary>
    public static bool IsCertainlyCanonical(ReadOnlySpan<byte> json) => Utf8.IsValid(json) && CanonicalTokenizer.Recognizes(json);
}
