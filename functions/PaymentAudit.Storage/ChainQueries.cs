using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;
using static PaymentAudit.Core.Topology.AuditItemAttributes;

namespace PaymentAudit.Storage;

/// <summary>The queries the writer and the auditor's reader share: a chain's records by range, its last records, an event by id.</summary>
internal static class ChainQueries
{
    /// <summary>
    /// Records asked for per page of a chain read. DynamoDB ends a page at 1 MB, which a thousand
    /// records (at least about 1.1 KB each) always exceed, so on AWS the limit changes nothing. It
    /// bounds DynamoDB Local, which reads every remaining item of the key range for each page asked
    /// for without a limit (measured: a 12,500-record chain took 4-5 s without it, 2 s with 500).
    /// </summary>
    public const int RangePageRecords = 1_000;

    /// <summary>Records <paramref name="fromSeq"/>..<paramref name="toSeq"/> of a chain, in order, page by page.</summary>
    public static QueryRequest Range(string table, string chainId, long fromSeq, long toSeq, bool consistent) => new()
    {
        TableName = table,
        ConsistentRead = consistent,
        Limit = RangePageRecords,
        KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :from AND :to",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey, ["#sk"] = SortKey },
        ExpressionAttributeValues = new Dictionary<string, AttributeValue>
        {
            [":pk"] = AuditItemMapper.S(AuditKeys.Chain(chainId)),
            [":from"] = AuditItemMapper.S(AuditKeys.Record(Math.Max(1, fromSeq))),
            [":to"] = AuditItemMapper.S(AuditKeys.Record(Math.Min(toSeq, AuditKeys.MaxSeq))),
        },
    };

    /// <summary>The last <paramref name="count"/> records of a chain, newest first (one request).</summary>
    public static QueryRequest Tail(string table, string chainId, int count) => new()
    {
        TableName = table,
        ConsistentRead = true,
        ScanIndexForward = false,
        Limit = count,
        KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :records)",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey, ["#sk"] = SortKey },
        ExpressionAttributeValues = new Dictionary<string, AttributeValue>
        {
            [":pk"] = AuditItemMapper.S(AuditKeys.Chain(chainId)),
            [":records"] = AuditItemMapper.S(AuditKeys.RecordSortKeyPrefix),
        },
    };

    /// <summary>The keys of the accepted record of <paramref name="eventId"/> in the event index (eventually consistent).</summary>
    public static QueryRequest Event(string table, string eventId) => new()
    {
        TableName = table,
        IndexName = AuditTopology.EventIndexName,
        KeyConditionExpression = "#eventId = :eventId",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#eventId"] = EventId },
        ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":eventId"] = AuditItemMapper.S(eventId) },
    };

    /// <summary>Every item <paramref name="request"/> matches, following pagination.</summary>
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> AllAsync(
        IAmazonDynamoDB client, QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
    }
}
