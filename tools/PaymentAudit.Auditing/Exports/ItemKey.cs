using System.Globalization;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;
using PaymentAudit.Storage;

namespace PaymentAudit.Auditing.Exports;

/// <summary>The primary key of an item of the audit table: <c>pk</c> and <c>sk</c>, both strings.</summary>
internal readonly record struct ItemKey(string Pk, string Sk)
{
    /// <summary>The key of <paramref name="item"/>, or null when it lacks a string <c>pk</c> or <c>sk</c>.</summary>
    public static ItemKey? Of(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue(AuditItemAttributes.PartitionKey, out var pk) && pk.S is { } p
        && item.TryGetValue(AuditItemAttributes.SortKey, out var sk) && sk.S is { } s
            ? new ItemKey(p, s)
            : null;

    /// <summary>True for a chain directory entry (<c>CHAINS</c> / chain id).</summary>
    public bool IsDirectoryEntry => Pk == AuditKeys.DirectoryPartition;

    /// <summary>The chain and position of a chain record (<c>CHAIN#id</c> / <c>SEQ#n</c>).</summary>
    public bool TryRecord(out string chainId, out long seq)
    {
        chainId = string.Empty;
        seq = 0;
        if (!Pk.StartsWith("CHAIN#", StringComparison.Ordinal) || !Sk.StartsWith(AuditKeys.RecordSortKeyPrefix, StringComparison.Ordinal)
            || !long.TryParse(Sk.AsSpan(AuditKeys.RecordSortKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out seq))
        {
            return false;
        }

        chainId = AuditKeys.ChainIdOf(Pk);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"pk='{Pk}' sk='{Sk}'";
}
