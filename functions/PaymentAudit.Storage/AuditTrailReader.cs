using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Topology;
using static PaymentAudit.Core.Topology.AuditItemAttributes;

namespace PaymentAudit.Storage;

/// <summary>The auditor's read side: chains, heads, an actor's timeline and a payment record's history.</summary>
public sealed class AuditTrailReader
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;

    /// <summary>Creates a reader over <paramref name="tableName"/>.</summary>
    public AuditTrailReader(IAmazonDynamoDB client, string tableName)
    {
        _client = client;
        _tableName = tableName;
    }

    /// <summary>A chain's head, or null when the chain has none.</summary>
    public async Task<ChainHead?> ReadHeadAsync(string chainId, CancellationToken cancellationToken = default)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = _tableName,
            ConsistentRead = true,
            Key = Key(AuditKeys.Chain(chainId), AuditKeys.HeadSortKey),
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? AuditItemMapper.ToHead(item) : null;
    }

    /// <summary>A chain's records from <paramref name="fromSeq"/> on, in sequence order.</summary>
    public async IAsyncEnumerable<StoredRecord> ReadChainAsync(
        string chainId, long fromSeq = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new QueryRequest
        {
            TableName = _tableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :from AND :to",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey, ["#sk"] = AuditItemAttributes.SortKey },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = AuditItemMapper.S(AuditKeys.Chain(chainId)),
                [":from"] = AuditItemMapper.S(AuditKeys.Record(Math.Max(1, fromSeq))),
                [":to"] = AuditItemMapper.S(AuditKeys.Record(999_999_999_999)),
            },
        };
        await foreach (var item in QueryAllAsync(request, cancellationToken))
        {
            yield return AuditItemMapper.ToStoredRecord(item);
        }
    }

    /// <summary>The ids of every chain that has a head.</summary>
    public async Task<IReadOnlyList<string>> ListChainIdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        var request = new ScanRequest
        {
            TableName = _tableName,
            FilterExpression = "#sk = :head",
            ProjectionExpression = "#chainId",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#sk"] = AuditItemAttributes.SortKey, ["#chainId"] = ChainId },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":head"] = AuditItemMapper.S(AuditKeys.HeadSortKey) },
        };
        do
        {
            var response = await _client.ScanAsync(request, cancellationToken);
            ids.AddRange((response.Items ?? []).Select(i => i[ChainId].S));
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>What <paramref name="userId"/> did between two instants (inclusive), oldest first.</summary>
    public async Task<IReadOnlyList<ActorTimelineEntry>> QueryActorAsync(
        string userId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var request = new QueryRequest
        {
            TableName = _tableName,
            IndexName = AuditTopology.ActorIndexName,
            KeyConditionExpression = "#user = :user AND #ts BETWEEN :from AND :to",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#user"] = UserId, ["#ts"] = Timestamp },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":user"] = AuditItemMapper.S(userId),
                [":from"] = AuditItemMapper.S(Core.Validation.Rfc3339.ToSortable(fromUtc)),
                [":to"] = AuditItemMapper.S(Core.Validation.Rfc3339.ToSortable(toUtc)),
            },
        };
        var entries = new List<ActorTimelineEntry>();
        await foreach (var item in QueryAllAsync(request, cancellationToken))
        {
            entries.Add(new ActorTimelineEntry(
                item[UserId].S,
                item[Timestamp].S,
                item[ChainId].S,
                ParseSeq(item),
                item[Status].S,
                item.GetValueOrDefault(EventId)?.S,
                item.GetValueOrDefault(EventType)?.S,
                item[QueryRecordId].S,
                item.GetValueOrDefault(ResponseRecordIds)?.L?.Select(v => v.S).ToList() ?? [],
                item[QueryResult].S));
        }

        return entries;
    }

    /// <summary>Everyone who accessed payment record <paramref name="recordId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PaymentRecordAccess>> QueryPaymentRecordAsync(string recordId, CancellationToken cancellationToken = default)
    {
        var request = new QueryRequest
        {
            TableName = _tableName,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = AuditItemMapper.S(AuditKeys.PaymentRecord(recordId)) },
        };
        var accesses = new List<PaymentRecordAccess>();
        await foreach (var item in QueryAllAsync(request, cancellationToken))
        {
            accesses.Add(new PaymentRecordAccess(
                item[RecordId].S,
                item[Reference].S,
                item[AccessedBy].S,
                item[AccessedAt].S,
                item[QueryResult].S,
                item.GetValueOrDefault(EventId)?.S,
                item.GetValueOrDefault(EventType)?.S,
                item[ChainId].S,
                ParseSeq(item)));
        }

        return accesses;
    }

    /// <summary>Where the event with <paramref name="eventId"/> is stored, or null.</summary>
    public async Task<(string ChainId, long Seq)?> FindEventAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = _tableName,
            ConsistentRead = true,
            Key = Key($"EVENT#{eventId}", AuditKeys.GuardSortKey),
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? (item[ChainId].S, ParseSeq(item)) : null;
    }

    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAllAsync(
        QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var response = await _client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
    }

    private static long ParseSeq(Dictionary<string, AttributeValue> item) => long.Parse(item[Seq].N, CultureInfo.InvariantCulture);

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [PartitionKey] = AuditItemMapper.S(pk),
        [AuditItemAttributes.SortKey] = AuditItemMapper.S(sk),
    };
}
