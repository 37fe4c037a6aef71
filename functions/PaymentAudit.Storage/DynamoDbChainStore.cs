using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Storage;

/// <summary>
/// Appends to chains with one conditional <c>PutItem</c> per record on a key that must not exist:
/// the record's position. Two writers can never both store a record at one position (no fork), and
/// a writer only writes the position after one it has seen stored (no gap). Nothing is ever updated
/// or deleted and no transaction is used, so each record costs its own size in write units, once.
/// </summary>
public sealed class DynamoDbChainStore : IChainStore
{
    private const string KeyAbsent = "attribute_not_exists(#pk)";
    private static readonly Dictionary<string, string> KeyNames = new() { ["#pk"] = AuditItemAttributes.PartitionKey };
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;

    /// <summary>Creates a store over <paramref name="tableName"/>.</summary>
    public DynamoDbChainStore(IAmazonDynamoDB client, string tableName)
    {
        _client = client;
        _tableName = tableName;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChainRecord>> ReadTailAsync(string chainId, int count, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(ChainQueries.Tail(_tableName, chainId, count), cancellationToken);
            var records = (response.Items ?? []).Select(i => AuditItemMapper.ToStoredRecord(i).Record).ToList();
            records.Reverse();
            return records;
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Reading the tail of chain '{chainId}' failed transiently: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public async Task RegisterChainAsync(string chainId, string registeredAt, CancellationToken cancellationToken)
    {
        try
        {
            await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _tableName,
                    Item = AuditItemMapper.ToDirectoryItem(chainId, registeredAt),
                    ConditionExpression = KeyAbsent,
                    ExpressionAttributeNames = KeyNames,
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Listed already (another writer, or an earlier attempt): the entry is never changed.
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Listing chain '{chainId}' in the directory failed transiently: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public async Task<AppendStatus> AppendAsync(ChainRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _tableName,
                    Item = AuditItemMapper.ToRecordItem(record),
                    ConditionExpression = KeyAbsent,
                    ExpressionAttributeNames = KeyNames,
                },
                cancellationToken);
            return AppendStatus.Appended;
        }
        catch (ConditionalCheckFailedException)
        {
            return AppendStatus.PositionTaken;
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Appending record {record.Seq} to chain '{record.ChainId}' failed transiently: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public async Task<ChainRecord?> FindEventAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(ChainQueries.Event(_tableName, eventId), cancellationToken);
            if (response.Items is not { Count: > 0 } found)
            {
                return null;
            }

            // Keys-only index: fetch the record itself to compare its content.
            var keys = found[0];
            var item = await _client.GetItemAsync(
                new GetItemRequest
                {
                    TableName = _tableName,
                    ConsistentRead = true,
                    Key = AuditItemMapper.Key(keys[AuditItemAttributes.PartitionKey].S, keys[AuditItemAttributes.SortKey].S),
                },
                cancellationToken);
            return item.Item is { Count: > 0 } stored ? AuditItemMapper.ToStoredRecord(stored).Record : null;
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Looking up an event in the event index failed transiently: {ex.Message}", ex);
        }
    }
}
