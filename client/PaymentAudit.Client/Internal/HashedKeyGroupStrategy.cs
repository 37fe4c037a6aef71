using System.Globalization;
using System.Text;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client.Internal;

/// <summary>
/// Maps a key to one of N fixed group ids with 32-bit FNV-1a over the key's UTF-8 bytes.
/// string.GetHashCode is randomized per process, so it would scatter one actor over several chains
/// between restarts; FNV-1a gives every process and every language the same mapping.
/// </summary>
internal sealed class HashedKeyGroupStrategy : IMessageGroupStrategy
{
    internal const int MaxGroupCount = 1_000;
    private const uint FnvOffsetBasis = 2_166_136_261;
    private const uint FnvPrime = 16_777_619;
    private const int StackBufferBytes = 512;

    private readonly Func<AuditEvent, string> _keySelector;
    private readonly string[] _groupIds;

    public HashedKeyGroupStrategy(Func<AuditEvent, string> keySelector, int groupCount, string prefix)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groupCount, MaxGroupCount);
        if (prefix.Length > 64 || !MessageGroupIds.IsValid(prefix + "0"))
        {
            throw new ArgumentException("The group id prefix must be at most 64 letters, digits or ASCII punctuation characters.", nameof(prefix));
        }

        _keySelector = keySelector;
        var width = Math.Max(2, (groupCount - 1).ToString(CultureInfo.InvariantCulture).Length);
        var format = "D" + width.ToString(CultureInfo.InvariantCulture);
        _groupIds = new string[groupCount];
        for (var i = 0; i < groupCount; i++)
        {
            _groupIds[i] = prefix + i.ToString(format, CultureInfo.InvariantCulture);
        }
    }

    public string GetMessageGroupId(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return _groupIds[Fnv1a(_keySelector(auditEvent)) % (uint)_groupIds.Length];
    }

    internal static uint Fnv1a(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> bytes = maxBytes <= StackBufferBytes ? stackalloc byte[StackBufferBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(key, bytes);
        var hash = FnvOffsetBasis;
        foreach (var b in bytes[..length])
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }
}
