using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// Turns an SQS message group id into the chain id that keys are built from. The group id is
/// chosen by whoever sends, so it may carry anything, a card number included; chain ids end up in
/// table keys, index files and digests. A group id that is a short, plain identifier with no card
/// number is used as it is, so chains stay readable (<c>audit-17</c>); any other is replaced by a
/// one-way derivation, which keeps every message of the group in one chain, in order, without
/// storing what the group id said.
/// </summary>
public static class ChainIds
{
    /// <summary>Longest group id used verbatim.</summary>
    public const int MaxVerbatimLength = 80;

    /// <summary>First character of a derived chain id; never part of a verbatim one, so the two cannot collide.</summary>
    public const char DerivedPrefix = '~';

    private static readonly SearchValues<char> VerbatimCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    /// <summary>The chain id of messages sent with <paramref name="groupId"/>.</summary>
    public static string FromGroupId(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        return IsVerbatim(groupId) ? groupId : Derive(groupId);
    }

    /// <summary>True when <paramref name="chainId"/> was derived from a group id that could not be used as it is.</summary>
    public static bool IsDerived(string chainId) => chainId is [DerivedPrefix, ..];

    /// <summary>True when <paramref name="groupId"/> can serve as a chain id unchanged.</summary>
    public static bool IsVerbatim(string groupId) =>
        groupId.Length is >= 1 and <= MaxVerbatimLength
        && !groupId.AsSpan().ContainsAnyExcept(VerbatimCharacters)
        && !CardNumberDetector.ContainsCardNumber(groupId);

    private static string Derive(string groupId)
    {
        // 128 bits of SHA-256: collisions between group ids are not a practical concern, and the
        // digest reveals nothing of a card number a group id might hold.
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(groupId), digest);
        return DerivedPrefix + Convert.ToHexStringLower(digest[..16]);
    }
}
