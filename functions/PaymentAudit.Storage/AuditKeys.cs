using System.Globalization;

namespace PaymentAudit.Storage;

/// <summary>Key formats of the single audit table (see the README's data model).</summary>
public static class AuditKeys
{
    /// <summary>Sort key of a chain's head item.</summary>
    public const string HeadSortKey = "HEAD";

    /// <summary>Sort key of an idempotency guard item.</summary>
    public const string GuardSortKey = "GUARD";

    /// <summary>Prefix of chain record sort keys.</summary>
    public const string RecordSortKeyPrefix = "SEQ#";

    private const string ChainPrefix = "CHAIN#";
    private const string PaymentRecordPrefix = "RECORD#";

    /// <summary>Partition key of a chain's records and head.</summary>
    public static string Chain(string chainId) => ChainPrefix + chainId;

    /// <summary>Sort key of the record at <paramref name="seq"/>: zero-padded so records sort by sequence.</summary>
    public static string Record(long seq) => RecordSortKeyPrefix + seq.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>Partition key of the index items of one payment record.</summary>
    public static string PaymentRecord(string recordId) => PaymentRecordPrefix + recordId;

    /// <summary>Sort key of one access to a payment record: time first, then the chain position that makes it unique.</summary>
    public static string PaymentRecordAccess(string timestamp, string chainId, long seq) =>
        $"{timestamp}#{chainId}#{seq.ToString("D12", CultureInfo.InvariantCulture)}";

    /// <summary>The chain id of a chain partition key.</summary>
    public static string ChainIdOf(string partitionKey) =>
        partitionKey.StartsWith(ChainPrefix, StringComparison.Ordinal)
            ? partitionKey[ChainPrefix.Length..]
            : throw new FormatException($"'{partitionKey}' is not a chain key.");

    /// <summary>The sequence number of a record sort key.</summary>
    public static long SeqOf(string sortKey) =>
        sortKey.StartsWith(RecordSortKeyPrefix, StringComparison.Ordinal)
            ? long.Parse(sortKey.AsSpan(RecordSortKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{sortKey}' is not a record key.");
}
