using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Storage.Capacity;

/// <summary>
/// A table as its cost sees it: its key attributes and its global secondary indexes. It says which
/// index entries an item has, how large they are, and what the item and its entries cost to store.
/// </summary>
/// <param name="PartitionKey">Table partition key attribute.</param>
/// <param name="SortKey">Table sort key attribute, or null when the table has none.</param>
/// <param name="GlobalIndexes">Global secondary indexes.</param>
public sealed record TableShape(string PartitionKey, string? SortKey, IReadOnlyList<IndexShape> GlobalIndexes)
{
    /// <summary>The table key attributes: the partition key, then the sort key if any.</summary>
    public IReadOnlyList<string> KeyAttributes => SortKey is null ? [PartitionKey] : [PartitionKey, SortKey];

    /// <summary>The shape of a table built from <paramref name="definition"/>, as <c>AuditTableProvisioner</c> and the CDK app build it.</summary>
    public static TableShape From(TableDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new TableShape(
            definition.PartitionKey,
            definition.SortKey,
            definition.GlobalIndexes.Select(index => new IndexShape(
                index.Name,
                index.PartitionKey,
                index.SortKey,
                index.Projection switch
                {
                    IndexProjection.KeysOnly => ProjectionType.KEYS_ONLY,
                    IndexProjection.Include => ProjectionType.INCLUDE,
                    IndexProjection.All => ProjectionType.ALL,
                    _ => throw new ArgumentOutOfRangeException(nameof(definition), index.Projection, $"Index '{index.Name}' has an unknown projection."),
                },
                index.Projection == IndexProjection.Include ? index.ProjectedAttributes : [])).ToList());
    }

    /// <summary>The shape of a table as <c>DescribeTable</c> reports it: whatever keys and projections it was created with.</summary>
    /// <exception cref="NotSupportedException">The table has local secondary indexes, which are not modelled.</exception>
    public static TableShape From(TableDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (description.LocalSecondaryIndexes is { Count: > 0 })
        {
            throw new NotSupportedException($"Table '{description.TableName}' has local secondary indexes; their cost is not modelled.");
        }

        return new TableShape(
            KeyName(description.KeySchema, KeyType.HASH) ?? throw new ArgumentException($"Table '{description.TableName}' has no partition key.", nameof(description)),
            KeyName(description.KeySchema, KeyType.RANGE),
            (description.GlobalSecondaryIndexes ?? []).Select(index => new IndexShape(
                index.IndexName,
                KeyName(index.KeySchema, KeyType.HASH) ?? throw new ArgumentException($"Index '{index.IndexName}' has no partition key.", nameof(description)),
                KeyName(index.KeySchema, KeyType.RANGE),
                index.Projection.ProjectionType,
                index.Projection.NonKeyAttributes ?? [])).ToList());
    }

    /// <summary>
    /// The entry <paramref name="item"/> has in <paramref name="index"/>: the table key, the index key
    /// and the projected attributes; null when the item lacks an index key attribute and so does not
    /// appear in the (sparse) index.
    /// </summary>
    public Dictionary<string, AttributeValue>? IndexEntryOf(IndexShape index, IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(item);
        if (index.KeyAttributes.Any(name => !item.ContainsKey(name)))
        {
            return null;
        }

        if (index.Projection == ProjectionType.ALL)
        {
            return new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);
        }

        var entry = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var projected = index.Projection == ProjectionType.INCLUDE ? index.NonKeyAttributes : [];
        foreach (var name in KeyAttributes.Concat(index.KeyAttributes).Concat(projected))
        {
            if (item.TryGetValue(name, out var value))
            {
                entry[name] = value;
            }
        }

        return entry;
    }

    /// <summary>What <paramref name="item"/> costs to store: the item and each of its index entries, with their overheads.</summary>
    public StorageFootprint StorageOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entries = 0;
        var indexBytes = 0L;
        foreach (var index in GlobalIndexes)
        {
            if (IndexEntryOf(index, item) is { } entry)
            {
                entries++;
                indexBytes += ItemSize.Of(entry) + StorageFootprint.OverheadBytes;
            }
        }

        return new StorageFootprint(1, ItemSize.Of(item) + StorageFootprint.OverheadBytes, entries, indexBytes);
    }

    private static string? KeyName(IEnumerable<KeySchemaElement>? schema, KeyType type) =>
        schema?.FirstOrDefault(k => k.KeyType == type)?.AttributeName;
}
