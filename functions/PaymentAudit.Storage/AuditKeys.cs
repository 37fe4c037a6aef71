using System.Globalization;

namespace PaymentAudit.Storage;

/// <summary>Key formats of the single audit table (see docs/storage.md).</summary>
public static class AuditKeys
{
    /// <summary>Partition key of the chain directory: one item per chain, sort key = chain id.</summary>
    public const string DirectoryPartition = "CHAINS";

    /// <summary>Prefix of chain record sort keys.</summary>
    public const string RecordSortKeyPrefix = "SEQ#";

    /// <summary>Highest sequence number a record key can hold (12 digits).</summary>
    public const long MaxSeq = 999_999_999_999;

    private const string ChainPrefix = "CHAIN#";

    /// <summary>Partition key of a chain's records.</summary>
    public static string Chain(string chainId) => ChainPrefix + chainId;

    /// <summary>Sort key of the record at <paramref name="seq"/>: zero-padded so records sort by sequence.</summary>
    public static string Record(long seq) => RecordSortKeyPrefix + seq.ToString("D12", CultureInfo.InvariantCulture);

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
