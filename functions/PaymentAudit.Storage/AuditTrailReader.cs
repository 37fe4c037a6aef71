using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using static PaymentAudit.Core.Topology.AuditItemAttributes;

namespace PaymentAudit.Storage;

/// <summary>
/// The auditor's read side of the table: the chain directory, chains and their heads, single
/// records and events by id. Every listing streams page by page. (An actor's timeline and a payment
/// record's history are answered by the history index, which reads chains through this class.)
/// </summary>
public sealed class AuditTrailReader : IChainSource
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;

    /// <summary>Creates a reader over <paramref name="tableName"/>.</summary>
    public AuditTrailReader(IAmazonDynamoDB client, string tableName)
    {
        _client = client;
        _tableName = tableName;
    }

    /// <summary>The table read.</summary>
    public string TableName => _tableName;

    /// <summary>Every chain in the directory, in chain id order: one query, no table scan.</summary>
    public async IAsyncEnumerable<ChainDirectoryEntry> ListChainsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new QueryRequest
        {
            TableName = _tableName,
            KeyConditionExpression = "#pk = :directory",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":directory"] = AuditItemMapper.S(AuditKeys.DirectoryPartition) },
        };
        await foreach (var item in ChainQueries.AllAsync(_client, request, cancellationToken))
        {
            yield return new ChainDirectoryEntry(item[SortKey].S, item.GetValueOrDefault(RegisteredAt)?.S ?? string.Empty);
        }
    }

    /// <summary>The ids of every chain in the directory.</summary>
    public async Task<IReadOnlyList<string>> ListChainIdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var entry in ListChainsAsync(cancellationToken))
        {
            ids.Add(entry.ChainId);
        }

        return ids;
    }

    /// <inheritdoc />
    async IAsyncEnumerable<string> IChainSource.ListChainIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in ListChainsAsync(cancellationToken))
        {
            yield return entry.ChainId;
        }
    }

    /// <inheritdoc />
    IAsyncEnumerable<StoredRecord> IChainSource.ReadChainAsync(string chainId, long fromSeq, CancellationToken cancellationToken) =>
        ReadChainAsync(chainId, fromSeq, cancellationToken: cancellationToken);

    /// <summary>A chain's records from <paramref name="fromSeq"/> to <paramref name="toSeq"/>, in sequence order, page by page.</summary>
    public async IAsyncEnumerable<StoredRecord> ReadChainAsync(
        string chainId, long fromSeq = 1, long toSeq = AuditKeys.MaxSeq, bool consistent = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in ChainQueries.AllAsync(_client, ChainQueries.Range(_tableName, chainId, fromSeq, toSeq, consistent), cancellationToken))
        {
            yield return AuditItemMapper.ToStoredRecord(item);
        }
    }

    /// <summary>A chain's last record, or null when it has none (one query).</summary>
    public async Task<StoredRecord?> ReadLastAsync(string chainId, CancellationToken cancellationToken = default)
    {
        var response = await _client.QueryAsync(ChainQueries.Tail(_tableName, chainId, 1), cancellationToken);
        return response.Items is { Count: > 0 } items ? AuditItemMapper.ToStoredRecord(items[0]) : null;
    }

    /// <summary>A chain's head: its last record's position and hash (<see cref="ChainHead.Genesis"/> when empty).</summary>
    public async Task<ChainHead> ReadHeadAsync(string chainId, CancellationToken cancellationToken = default) =>
        await ReadLastAsync(chainId, cancellationToken) is { } last ? new ChainHead(last.KeySeq, last.Record.Hash) : ChainHead.Genesis;

    /// <summary>The record at <paramref name="seq"/> of a chain, or null.</summary>
    public async Task<StoredRecord?> ReadRecordAsync(string chainId, long seq, CancellationToken cancellationToken = default)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _tableName, ConsistentRead = true, Key = AuditItemMapper.Key(AuditKeys.Chain(chainId), AuditKeys.Record(seq)) },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? AuditItemMapper.ToStoredRecord(item) : null;
    }

    /// <summary>
    /// The accepted records of <paramref name="eventId"/>, through the event index (normally one;
    /// more would be an event stored twice, which verification reports).
    /// </summary>
    public async IAsyncEnumerable<StoredRecord> FindEventAsync(string eventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var keys in ChainQueries.AllAsync(_client, ChainQueries.Event(_tableName, eventId), cancellationToken))
        {
            var chainId = AuditKeys.ChainIdOf(keys[PartitionKey].S);
            if (await ReadRecordAsync(chainId, AuditKeys.SeqOf(keys[SortKey].S), cancellationToken) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// Entries asked for per page of the event index scan. Without a limit DynamoDB Local answers
    /// each page by reading the whole rest of the index, so the whole-trail check grew with the
    /// square of the index there (200,000 records: 768 s); its cost per page also grows faster than
    /// the page (59,400 entries: 65.9 s without a limit, 5.0 s with 1,000; 200,000: 74 s with
    /// 10,000). On AWS a keys-only entry is about 100 bytes, so a page of 1,000 is about 100 KB
    /// instead of up to 1 MB: ten times the requests for the same read units (billed by the bytes
    /// read), about 1,000 sequential requests for a million accepted records.
    /// </summary>
    public const int EventIndexPageEntries = 1_000;

    /// <summary>
    /// Every entry of the event index, page by page (a scan of the index, whose size grows with the
    /// accepted records only): verification checks it against the records in both directions.
    /// </summary>
    public async IAsyncEnumerable<EventIndexEntry> ScanEventIndexAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ScanRequest { TableName = _tableName, IndexName = Core.Topology.AuditTopology.EventIndexName, Limit = EventIndexPageEntries };
        do
        {
            var response = await _client.ScanAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                yield return new EventIndexEntry(item[EventId].S, item[PartitionKey].S, item[SortKey].S);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
    }
}
