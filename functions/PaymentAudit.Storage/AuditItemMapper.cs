using System.Globalization;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Topology;
using static PaymentAudit.Core.Topology.AuditItemAttributes;

namespace PaymentAudit.Storage;

/// <summary>Maps chain records, guards, heads and index items to and from DynamoDB attribute maps.</summary>
public static class AuditItemMapper
{
    /// <summary>The record item of a linked entry.</summary>
    public static Dictionary<string, AttributeValue> ToRecordItem(ChainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new Dictionary<string, AttributeValue>(18)
        {
            [PartitionKey] = S(AuditKeys.Chain(record.ChainId)),
            [AuditItemAttributes.SortKey] = S(AuditKeys.Record(record.Seq)),
            [ChainId] = S(record.ChainId),
            [Seq] = N(record.Seq),
            [Status] = S(record.Status),
            [ReceivedAt] = S(record.ReceivedAt),
            [Body] = S(record.Body),
            [PrevHash] = S(record.PrevHash),
            [Hash] = S(record.Hash),
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

    /// <summary>The idempotency guard of a linked entry: where its record lives.</summary>
    public static Dictionary<string, AttributeValue> ToGuardItem(LinkedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new Dictionary<string, AttributeValue>(6)
        {
            [PartitionKey] = S(entry.GuardKey),
            [AuditItemAttributes.SortKey] = S(AuditKeys.GuardSortKey),
            [ChainId] = S(entry.Record.ChainId),
            [Seq] = N(entry.Record.Seq),
            ["messageId"] = S(entry.MessageId),
        };
    }

    /// <summary>One "who accessed payment record R" index item.</summary>
    public static Dictionary<string, AttributeValue> ToReferenceItem(ChainRecord record, RecordReference reference) =>
        ToReferenceItem(new ReferenceAttributes(record), reference);

    /// <summary>
    /// One index item, reusing the attribute values every index item of the same record shares
    /// (the SDK only reads them), which keeps marshalling an event with many references cheap.
    /// </summary>
    public static Dictionary<string, AttributeValue> ToReferenceItem(ReferenceAttributes shared, RecordReference reference)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(reference);
        var item = new Dictionary<string, AttributeValue>(11)
        {
            [PartitionKey] = S(AuditKeys.PaymentRecord(reference.RecordId)),
            [AuditItemAttributes.SortKey] = shared.SortKey,
            [RecordId] = S(reference.RecordId),
            [Reference] = S(reference.Kind),
            [ChainId] = shared.ChainId,
            [Seq] = shared.Seq,
            [AccessedBy] = shared.AccessedBy,
            [AccessedAt] = shared.AccessedAt,
            [QueryResult] = shared.QueryResult,
        };
        if (shared.EventId is not null)
        {
            item[EventId] = shared.EventId;
        }

        if (shared.EventType is not null)
        {
            item[EventType] = shared.EventType;
        }

        return item;
    }

    /// <summary>A chain's head item after <paramref name="last"/> is stored.</summary>
    public static Dictionary<string, AttributeValue> ToHeadItem(ChainRecord last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new Dictionary<string, AttributeValue>(6)
        {
            [PartitionKey] = S(AuditKeys.Chain(last.ChainId)),
            [AuditItemAttributes.SortKey] = S(AuditKeys.HeadSortKey),
            [ChainId] = S(last.ChainId),
            [Seq] = N(last.Seq),
            [Hash] = S(last.Hash),
            ["updatedAt"] = S(last.ReceivedAt),
        };
    }

    /// <summary>Reads a head item.</summary>
    public static ChainHead ToHead(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ChainHead(long.Parse(item[Seq].N, CultureInfo.InvariantCulture), item[Hash].S);
    }

    /// <summary>Reads a record item back, keeping the position its keys give it.</summary>
    public static StoredRecord ToStoredRecord(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var record = new ChainRecord(
            Text(item, ChainId),
            long.TryParse(item.GetValueOrDefault(Seq)?.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seq) ? seq : -1,
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
        return new StoredRecord(AuditKeys.ChainIdOf(item[PartitionKey].S), AuditKeys.SeqOf(item[AuditItemAttributes.SortKey].S), record);
    }

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static string Text(Dictionary<string, AttributeValue> item, string name) => item.GetValueOrDefault(name)?.S ?? string.Empty;
}
