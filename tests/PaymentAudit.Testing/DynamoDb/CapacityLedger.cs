using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>
/// Bills DynamoDB requests and their answers by <see cref="CapacityUnits"/>, remembering what each
/// key holds (its size and index entries) so later writes and reads of it are billed on the stored
/// item, as DynamoDB bills them. It assumes it sees every write to the tables it bills, which holds
/// for a table created for the measured run. Not thread-safe: <see cref="CapacityMeter"/> serializes it.
/// </summary>
internal sealed class CapacityLedger
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailedException";
    private const string TransactionCanceled = "TransactionCanceledException";

    private readonly TableShape _shape;
    private readonly Dictionary<string, Tally> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _indexWriteUnits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Key), MeteredItem> _items = [];
    private readonly HashSet<string> _committedTokens = new(StringComparer.Ordinal);

    public CapacityLedger(TableShape shape)
    {
        _shape = shape;
        foreach (var index in shape.GlobalIndexes)
        {
            _indexWriteUnits[index.Name] = 0;
        }
    }

    private enum ActionKind
    {
        Put,
        Delete,
        Update,
        Check,
    }

    public IReadOnlyDictionary<string, OperationCapacity> ByOperation =>
        _operations.ToDictionary(o => o.Key, o => o.Value.Snapshot(o.Key), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> IndexWriteUnits => new Dictionary<string, long>(_indexWriteUnits, StringComparer.Ordinal);

    /// <summary>Bills one answered request. <paramref name="error"/> is DynamoDB's error type, or null on success.</summary>
    public void Record(string operation, JsonElement request, JsonElement response, string? error)
    {
        if (!_operations.TryGetValue(operation, out var tally))
        {
            tally = _operations[operation] = new Tally();
        }

        tally.Requests++;
        if (error is not null && error != ConditionalCheckFailed && error != TransactionCanceled)
        {
            // Throttled, invalid and failed requests consume no capacity.
            tally.UnbilledErrors++;
            return;
        }

        switch (operation)
        {
            case "PutItem":
                SingleWrite(tally, Plan(ActionKind.Put, request), request, response, error);
                break;
            case "DeleteItem":
                SingleWrite(tally, Plan(ActionKind.Delete, request), request, response, error);
                break;
            case "UpdateItem":
                SingleWrite(tally, Plan(ActionKind.Update, request), request, response, error);
                break;
            case "BatchWriteItem":
                BatchWrite(tally, request, response);
                break;
            case "TransactWriteItems":
                TransactWrite(tally, request, response, error);
                break;
            case "GetItem":
                GetItem(tally, request, response);
                break;
            case "BatchGetItem":
                BatchGet(tally, request, response);
                break;
            case "TransactGetItems":
                TransactGet(tally, request);
                break;
            case "Query" or "Scan":
                QueryOrScan(tally, request, response);
                break;
            default:
                // Control-plane calls (CreateTable, DescribeTable, ...) are not billed in units.
                break;
        }
    }

    private static ReadConsistency Consistency(JsonElement request) =>
        TryGet(request, "ConsistentRead", out var consistent) && consistent.GetBoolean() ? ReadConsistency.Strong : ReadConsistency.Eventual;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static string TableOf(JsonElement request) => request.GetProperty("TableName").GetString()!;

    private void SingleWrite(Tally tally, WriteAction action, JsonElement request, JsonElement response, string? error)
    {
        if (error == ConditionalCheckFailed)
        {
            // ReturnValuesOnConditionCheckFailure = ALL_OLD returns the item that made the condition fail.
            var existing = action.Before ?? (TryGet(response, "Item", out var old) ? MeteredItem.Of(DynamoDbJson.ReadItem(old), _shape) : null);
            tally.ConditionalCheckFailures++;
            tally.TableWriteUnits += CapacityUnits.ForFailedConditionalWrite(action.After?.Size ?? 0, existing?.Size);
            return;
        }

        // ReturnValues = ALL_OLD shows an item written before the meter was attached.
        var before = action.Before ?? (TryGet(response, "Attributes", out var previous) && ReturnValues(request) == "ALL_OLD"
            ? MeteredItem.Of(DynamoDbJson.ReadItem(previous), _shape)
            : null);
        var after = action.After;
        var estimated = action.Estimated;
        if (action.Kind == ActionKind.Update && TryGet(response, "Attributes", out var updated) && ReturnValues(request) == "ALL_NEW")
        {
            after = MeteredItem.Of(DynamoDbJson.ReadItem(updated), _shape);
            estimated = false;
        }

        Apply(tally, action with { Before = before, After = after }, factor: 1);
        tally.EstimatedRequests += estimated ? 1 : 0;
    }

    private static string? ReturnValues(JsonElement request) => TryGet(request, "ReturnValues", out var value) ? value.GetString() : null;

    private void BatchWrite(Tally tally, JsonElement request, JsonElement response)
    {
        var unprocessed = new HashSet<(string, string)>();
        if (TryGet(response, "UnprocessedItems", out var left))
        {
            foreach (var table in left.EnumerateObject())
            {
                foreach (var write in table.Value.EnumerateArray())
                {
                    unprocessed.Add((table.Name, KeyText(BatchKey(write))));
                }
            }
        }

        foreach (var table in request.GetProperty("RequestItems").EnumerateObject())
        {
            foreach (var write in table.Value.EnumerateArray())
            {
                if (unprocessed.Contains((table.Name, KeyText(BatchKey(write)))))
                {
                    continue;
                }

                var action = TryGet(write, "PutRequest", out var put)
                    ? Plan(ActionKind.Put, table.Name, put)
                    : Plan(ActionKind.Delete, table.Name, write.GetProperty("DeleteRequest"));
                Apply(tally, action, factor: 1);
            }
        }
    }

    private static Dictionary<string, AttributeValue> BatchKey(JsonElement write) =>
        TryGet(write, "PutRequest", out var put)
            ? DynamoDbJson.ReadItem(put.GetProperty("Item"))
            : DynamoDbJson.ReadItem(write.GetProperty("DeleteRequest").GetProperty("Key"));

    private void TransactWrite(Tally tally, JsonElement request, JsonElement response, string? error)
    {
        var actions = request.GetProperty("TransactItems").EnumerateArray().Select(action =>
        {
            var member = action.EnumerateObject().First();
            var kind = member.Name switch
            {
                "Put" => ActionKind.Put,
                "Delete" => ActionKind.Delete,
                "Update" => ActionKind.Update,
                "ConditionCheck" => ActionKind.Check,
                _ => throw new JsonException($"Unknown transaction action '{member.Name}'."),
            };
            return Plan(kind, TableOf(member.Value), member.Value);
        }).ToList();
        var token = TryGet(request, "ClientRequestToken", out var t) ? t.GetString() : null;

        if (error == TransactionCanceled)
        {
            CancelledTransaction(tally, actions, response);
            return;
        }

        if (token is not null && !_committedTokens.Add(token))
        {
            // A repeated token returns the first call's result: DynamoDB reads the items instead of writing them.
            tally.ReplayedTransactions++;
            tally.ReadUnits += actions.Sum(a => CapacityUnits.ForRead((a.Before ?? a.After)?.Size ?? 0, ReadConsistency.Transactional));
            return;
        }

        foreach (var action in actions)
        {
            Apply(tally, action, factor: 2);
            tally.EstimatedRequests += action.Estimated ? 1 : 0;
        }
    }

    /// <summary>
    /// AWS does not document what a cancelled transaction costs. Billed here: when a condition failed,
    /// each action as a failed conditional write outside a transaction (one unit for a missing item,
    /// the item's size otherwise), undoubled because nothing is committed; no index writes.
    /// Cancellations for other reasons (conflicts, throttling) are not billed.
    /// </summary>
    private void CancelledTransaction(Tally tally, List<WriteAction> actions, JsonElement response)
    {
        var reasons = TryGet(response, "CancellationReasons", out var list) ? list.EnumerateArray().ToList() : [];
        if (!reasons.Any(r => TryGet(r, "Code", out var code) && code.GetString() == "ConditionalCheckFailed"))
        {
            tally.UnbilledErrors++;
            return;
        }

        tally.CancelledTransactions++;
        for (var i = 0; i < actions.Count; i++)
        {
            var existing = actions[i].Before
                ?? (i < reasons.Count && TryGet(reasons[i], "Item", out var old) ? MeteredItem.Of(DynamoDbJson.ReadItem(old), _shape) : null);
            var written = actions[i].Kind is ActionKind.Put or ActionKind.Update ? actions[i].After?.Size ?? 0 : 0;
            tally.TableWriteUnits += CapacityUnits.ForFailedConditionalWrite(written, existing?.Size);
        }
    }

    private void Apply(Tally tally, WriteAction action, int factor)
    {
        if (action.Kind == ActionKind.Check)
        {
            // A condition check writes nothing but is billed as a write of the item it checked.
            tally.TableWriteUnits += factor * CapacityUnits.ForWrite(action.Before?.Size ?? 0);
            return;
        }

        tally.TableWriteUnits += factor * (action.After is { } written
            ? CapacityUnits.ForPut(written.Size, action.Before?.Size)
            : CapacityUnits.ForDelete(action.Before?.Size));
        foreach (var index in _shape.GlobalIndexes)
        {
            var before = action.Before?.Entry(index.Name);
            var after = action.After?.Entry(index.Name);
            var change = before is not null && after is not null ? before.ChangeTo(after) : IndexEntryChange.Unchanged;
            var units = CapacityUnits.ForIndexWrite(before?.Size, after?.Size, change);
            tally.IndexWriteUnits += units;
            _indexWriteUnits[index.Name] += units;
        }

        if (action.After is null)
        {
            _items.Remove((action.Table, action.Key));
        }
        else
        {
            _items[(action.Table, action.Key)] = action.After;
        }
    }

    private WriteAction Plan(ActionKind kind, JsonElement request) => Plan(kind, TableOf(request), request);

    private WriteAction Plan(ActionKind kind, string table, JsonElement body)
    {
        var item = kind == ActionKind.Put ? DynamoDbJson.ReadItem(body.GetProperty("Item")) : DynamoDbJson.ReadItem(body.GetProperty("Key"));
        var key = KeyText(item);
        var before = _items.GetValueOrDefault((table, key));
        return kind switch
        {
            ActionKind.Put => new WriteAction(kind, table, key, before, MeteredItem.Of(item, _shape), Estimated: false),
            ActionKind.Delete => new WriteAction(kind, table, key, before, null, Estimated: false),
            ActionKind.Check => new WriteAction(kind, table, key, before, before, Estimated: false),
            _ => new WriteAction(kind, table, key, before, EstimateUpdate(body, item, before), Estimated: true),
        };
    }

    /// <summary>
    /// Update expressions are not evaluated: the item is assumed to grow by every value the request
    /// carries, and each of its index entries to be rewritten as large. An upper bound, flagged as an estimate.
    /// </summary>
    private static MeteredItem EstimateUpdate(JsonElement body, Dictionary<string, AttributeValue> key, MeteredItem? before)
    {
        var added = TryGet(body, "ExpressionAttributeValues", out var values)
            ? values.EnumerateObject().Sum(v => ItemSize.OfValue(DynamoDbJson.ReadValue(v.Value)))
            : 0;
        var entries = (before?.Entries ?? new Dictionary<string, MeteredEntry>()).ToDictionary(
            e => e.Key,
            e => e.Value with { Size = e.Value.Size + added, Digest = $"{e.Value.Digest}+update" },
            StringComparer.Ordinal);
        return new MeteredItem((before?.Size ?? ItemSize.Of(key)) + added, entries);
    }

    private void GetItem(Tally tally, JsonElement request, JsonElement response)
    {
        var key = DynamoDbJson.ReadItem(request.GetProperty("Key"));
        tally.ReadUnits += CapacityUnits.ForRead(ReadSize(TableOf(request), key, TryGet(response, "Item", out var item) ? item : null), Consistency(request));
    }

    private void BatchGet(Tally tally, JsonElement request, JsonElement response)
    {
        foreach (var table in request.GetProperty("RequestItems").EnumerateObject())
        {
            var unprocessed = TryGet(response, "UnprocessedKeys", out var left) && TryGet(left, table.Name, out var keys)
                ? keys.GetProperty("Keys").EnumerateArray().Select(k => KeyText(DynamoDbJson.ReadItem(k))).ToHashSet(StringComparer.Ordinal)
                : [];
            var returned = TryGet(response, "Responses", out var responses) && TryGet(responses, table.Name, out var items)
                ? items.EnumerateArray().ToDictionary(i => KeyText(DynamoDbJson.ReadItem(i)), StringComparer.Ordinal)
                : [];
            var sizes = table.Value.GetProperty("Keys").EnumerateArray()
                .Select(k => DynamoDbJson.ReadItem(k))
                .Where(k => !unprocessed.Contains(KeyText(k)))
                .Select(k => ReadSize(table.Name, k, returned.TryGetValue(KeyText(k), out var item) ? item : null));
            tally.ReadUnits += CapacityUnits.ForBatchGet(sizes, Consistency(table.Value));
        }
    }

    private void TransactGet(Tally tally, JsonElement request)
    {
        foreach (var action in request.GetProperty("TransactItems").EnumerateArray())
        {
            var get = action.GetProperty("Get");
            tally.ReadUnits += CapacityUnits.ForRead(ReadSize(TableOf(get), DynamoDbJson.ReadItem(get.GetProperty("Key")), null), ReadConsistency.Transactional);
        }
    }

    private void QueryOrScan(Tally tally, JsonElement request, JsonElement response)
    {
        var table = TableOf(request);
        var indexName = TryGet(request, "IndexName", out var name) ? name.GetString() : null;
        var index = indexName is null ? null : _shape.GlobalIndexes.FirstOrDefault(i => i.Name == indexName);
        var bytes = 0L;
        var returned = 0;
        var page = TryGet(response, "Items", out var items) ? items.EnumerateArray().ToList() : [];
        foreach (var element in page)
        {
            returned++;
            var item = DynamoDbJson.ReadItem(element);
            var stored = _items.GetValueOrDefault((table, KeyText(item)));
            bytes += index is null
                ? stored?.Size ?? ItemSize.Of(item)
                : stored?.Entry(index.Name)?.Size ?? ItemSize.Of(_shape.IndexEntryOf(index, item) ?? item);
        }

        // A filter, or Select = COUNT, hides items DynamoDB read and billed: their sizes are unknown here.
        var scanned = TryGet(response, "ScannedCount", out var count) ? count.GetInt32() : returned;
        tally.EstimatedRequests += scanned > returned ? 1 : 0;
        tally.ReadUnits += CapacityUnits.ForRead(bytes, index is null ? Consistency(request) : ReadConsistency.Eventual);
    }

    /// <summary>Bytes a read of <paramref name="key"/> is billed on: the stored item's whole size (a projection does not reduce it).</summary>
    private int ReadSize(string table, Dictionary<string, AttributeValue> key, JsonElement? returned) =>
        _items.GetValueOrDefault((table, KeyText(key)))?.Size
        ?? (returned is { } item ? ItemSize.Of(DynamoDbJson.ReadItem(item)) : 0);

    private string KeyText(IReadOnlyDictionary<string, AttributeValue> item) => AttributeText.Of(item, _shape.KeyAttributes);

    private sealed record WriteAction(ActionKind Kind, string Table, string Key, MeteredItem? Before, MeteredItem? After, bool Estimated);

    private sealed class Tally
    {
        public int Requests { get; set; }

        public long TableWriteUnits { get; set; }

        public long IndexWriteUnits { get; set; }

        public double ReadUnits { get; set; }

        public int ConditionalCheckFailures { get; set; }

        public int CancelledTransactions { get; set; }

        public int ReplayedTransactions { get; set; }

        public int UnbilledErrors { get; set; }

        public int EstimatedRequests { get; set; }

        public OperationCapacity Snapshot(string operation) => new(
            operation, Requests, TableWriteUnits, IndexWriteUnits, ReadUnits, ConditionalCheckFailures, CancelledTransactions, ReplayedTransactions, UnbilledErrors, EstimatedRequests);
    }
}
