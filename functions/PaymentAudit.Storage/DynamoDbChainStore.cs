using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Topology;
using static PaymentAudit.Core.Topology.AuditItemAttributes;

namespace PaymentAudit.Storage;

/// <summary>
/// Appends to chains with one <c>TransactWriteItems</c> per call: every record, guard and index
/// item is a conditional put on a key that must not exist, and the head is replaced by a
/// conditional put on the sequence number it is expected to have. Nothing is ever updated or
/// deleted, so the writer's role needs neither action.
/// </summary>
public sealed class DynamoDbChainStore : IChainStore
{
    private const string KeyAbsent = "attribute_not_exists(#pk)";
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;

    /// <summary>Creates a store over <paramref name="tableName"/>.</summary>
    public DynamoDbChainStore(IAmazonDynamoDB client, string tableName)
    {
        _client = client;
        _tableName = tableName;
    }

    /// <summary>DynamoDB's limit on actions in one transaction.</summary>
    public int MaxItemsPerAppend => 100;

    /// <inheritdoc />
    public async Task<ChainHead> ReadHeadAsync(string chainId, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest
        {
            TableName = _tableName,
            ConsistentRead = true,
            Key = new Dictionary<string, AttributeValue>
            {
                [PartitionKey] = AuditItemMapper.S(AuditKeys.Chain(chainId)),
                [AuditItemAttributes.SortKey] = AuditItemMapper.S(AuditKeys.HeadSortKey),
            },
        };
        try
        {
            var response = await _client.GetItemAsync(request, cancellationToken);
            return response.Item is { Count: > 0 } item ? AuditItemMapper.ToHead(item) : ChainHead.Genesis;
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Reading the head of chain '{chainId}' failed transiently: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(
        string chainId, ChainHead expectedHead, IReadOnlyList<LinkedEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedHead);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return AppendResult.Appended;
        }

        var items = BuildTransaction(expectedHead, entries);
        if (items.Count > MaxItemsPerAppend)
        {
            throw new ArgumentException($"{items.Count} items exceed the {MaxItemsPerAppend}-item transaction limit; split the append.", nameof(entries));
        }

        var request = new TransactWriteItemsRequest
        {
            TransactItems = items,
            ClientRequestToken = RequestToken(chainId, expectedHead, entries[^1].Record),
        };
        try
        {
            await _client.TransactWriteItemsAsync(request, cancellationToken);
            return AppendResult.Appended;
        }
        catch (TransactionCanceledException cancelled) when (!TransientFaults.IsTransient(cancelled, cancellationToken))
        {
            return Interpret(cancelled, items);
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Appending {entries.Count} record(s) to chain '{chainId}' failed transiently: {ex.Message}", ex);
        }
    }

    private List<TransactWriteItem> BuildTransaction(ChainHead expectedHead, IReadOnlyList<LinkedEntry> entries)
    {
        var items = new List<TransactWriteItem>(1 + entries.Sum(e => e.ItemCount));
        var headPut = new Put
        {
            TableName = _tableName,
            Item = AuditItemMapper.ToHeadItem(entries[^1].Record),
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey },
        };
        if (expectedHead.IsGenesis)
        {
            headPut.ConditionExpression = KeyAbsent;
        }
        else
        {
            headPut.ConditionExpression = "#seq = :expected";
            headPut.ExpressionAttributeNames = new Dictionary<string, string> { ["#seq"] = Seq };
            headPut.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = AuditItemMapper.N(expectedHead.Seq) };
        }

        items.Add(new TransactWriteItem { Put = headPut });
        foreach (var entry in entries)
        {
            items.Add(NewItem(AuditItemMapper.ToRecordItem(entry.Record)));
            var guard = NewItem(AuditItemMapper.ToGuardItem(entry));
            guard.Put.ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD;
            items.Add(guard);
            if (entry.References.Count > 0)
            {
                var shared = new ReferenceAttributes(entry.Record);
                foreach (var reference in entry.References)
                {
                    items.Add(NewItem(AuditItemMapper.ToReferenceItem(shared, reference)));
                }
            }
        }

        return items;
    }

    private TransactWriteItem NewItem(Dictionary<string, AttributeValue> item) => new()
    {
        Put = new Put
        {
            TableName = _tableName,
            Item = item,
            ConditionExpression = KeyAbsent,
            ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = PartitionKey },
        },
    };

    private static AppendResult Interpret(TransactionCanceledException cancelled, List<TransactWriteItem> items)
    {
        var reasons = cancelled.CancellationReasons ?? [];
        var existingGuards = new List<string>();
        var headMoved = false;
        for (var i = 0; i < reasons.Count && i < items.Count; i++)
        {
            var code = reasons[i].Code;
            if (code is null or "None")
            {
                continue;
            }

            if (code != "ConditionalCheckFailed")
            {
                throw new InvalidOperationException($"Append transaction was cancelled for a non-transient reason '{code}': {reasons[i].Message}", cancelled);
            }

            var item = items[i].Put.Item;
            var sortKey = item[AuditItemAttributes.SortKey].S;
            if (sortKey == AuditKeys.GuardSortKey)
            {
                existingGuards.Add(item[PartitionKey].S);
            }
            else
            {
                // The head, or a record/index key that already exists: either way the chain moved on.
                headMoved = true;
            }
        }

        if (existingGuards.Count > 0)
        {
            return AppendResult.AlreadyStored(existingGuards);
        }

        if (headMoved)
        {
            return AppendResult.HeadMoved;
        }

        throw new InvalidOperationException("Append transaction was cancelled without a reason DynamoDB explained.", cancelled);
    }

    /// <summary>
    /// The same append (same chain, expected head and linked content) always carries the same
    /// token, so a retry after a lost response is recognised by DynamoDB and not applied twice.
    /// </summary>
    private static string RequestToken(string chainId, ChainHead expectedHead, ChainRecord last)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{chainId}\n{expectedHead.Seq}\n{last.Seq}\n{last.Hash}"));
        return new Guid(digest.AsSpan(0, 16)).ToString();
    }
}
