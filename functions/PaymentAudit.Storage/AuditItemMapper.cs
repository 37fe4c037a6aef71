using System.Globalization;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Topology;
using static PaymentAudit.Core.Topology.AuditItemAttributes;

namespace PaymentAudit.Storage;

/// <summary>Maps chain records and chain directory entries to and from DynamoDB attribute maps.</summary>
public static class AuditItemMapper
{
    /// <summary>
    /// The item of a record: keys, the body, its hashes, and the projections queries and the
    /// event index use. Chain id, sequence number and receive time are not repeated as
    /// attributes: the keys and the body hold them.
    /// </summary>
    public static Dictionary<string, AttributeValue> ToRecordItem(ChainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new Dictionary<string, AttributeValue>(14)
        {
            [PartitionKey] = S(AuditKeys.Chain(record.ChainId)),
            [AuditItemAttributes.SortKey] = S(AuditKeys.Record(record.Seq)),
            [Body] = S(record.Body),
            [PrevHash] = S(record.PrevHash),
            [Hash] = S(record.Hash),
            [Status] = S(record.Status),
            [UserId] = S(record.Seed.UserId),
            [Timestamp] = S(record.Seed.Timestamp),
            [QueryRecordId] = S(record.Seed.QueryRecordId),
            [ResponseRecordIds] = new AttributeValue { L = record.Seed.ResponseRecordIds.Select(S).ToList() },
            [QueryResult] = S(record.Seed.QueryResult),
        };
        if (record.EventId is not null)
        {
            item[EventId] = S(record.EventId);
        }

        if (record.EventType is not null)
        {
            item[EventType] = S(record.EventType);
        }

        return item;
    }

    /// <summary>The chain directory entry of <paramref name="chainId"/>.</summary>
    public static Dictionary<string, AttributeValue> ToDirectoryItem(string chainId, string registeredAt) => new(3)
    {
        [PartitionKey] = S(AuditKeys.DirectoryPartition),
        [AuditItemAttributes.SortKey] = S(chainId),
        [RegisteredAt] = S(registeredAt),
    };

    /// <summary>Reads a record item back (any format), keeping the position its keys give it.</summary>
    public static StoredRecord ToStoredRecord(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var keyChainId = AuditKeys.ChainIdOf(item[PartitionKey].S);
        var keySeq = AuditKeys.SeqOf(item[AuditItemAttributes.SortKey].S);

        // Format 1 items repeated chain id, seq and receive time as attributes; later formats do not.
        var record = new ChainRecord(
            item.GetValueOrDefault(ChainId)?.S ?? keyChainId,
            long.TryParse(item.GetValueOrDefault(Seq)?.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seq) ? seq : keySeq,
            Text(item, Status),
            item.GetValueOrDefault(EventId)?.S,
            item.GetValueOrDefault(EventType)?.S,
            Text(item, ReceivedAt),
            new SeedAttributes(
                Text(item, UserId),
                Text(item, Timestamp),
                Text(item, QueryRecordId),
                item.GetValueOrDefault(ResponseRecordIds)?.L?.Select(v => v.S ?? string.Empty).ToList() ?? [],
                Text(item, QueryResult)),
            Text(item, Body),
            Text(item, PrevHash),
            Text(item, Hash));
        return new StoredRecord(keyChainId, keySeq, record);
    }

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    internal static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [PartitionKey] = S(pk),
        [AuditItemAttributes.SortKey] = S(sk),
    };

    private static string Text(Dictionary<string, AttributeValue> item, string name) => item.GetValueOrDefault(name)?.S ?? string.Empty;
}
