using Amazon.DynamoDBv2.Model;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>
/// What the meter remembers of a stored item: its size and its index entries (key, size, digest),
/// which is all that later writes and reads of the same key are billed on.
/// </summary>
/// <param name="Size">Item size in bytes.</param>
/// <param name="Entries">Its entries, by index name; an index it does not appear in is absent.</param>
internal sealed record MeteredItem(int Size, IReadOnlyDictionary<string, MeteredEntry> Entries)
{
    /// <summary>Measures <paramref name="item"/> against <paramref name="shape"/>.</summary>
    public static MeteredItem Of(IReadOnlyDictionary<string, AttributeValue> item, TableShape shape)
    {
        var entries = new Dictionary<string, MeteredEntry>(StringComparer.Ordinal);
        foreach (var index in shape.GlobalIndexes)
        {
            if (shape.IndexEntryOf(index, item) is { } entry)
            {
                entries[index.Name] = new MeteredEntry(AttributeText.Of(entry, index.KeyAttributes), ItemSize.Of(entry), AttributeText.Digest(entry));
            }
        }

        return new MeteredItem(ItemSize.Of(item), entries);
    }

    /// <summary>The entry in <paramref name="indexName"/>, or null.</summary>
    public MeteredEntry? Entry(string indexName) => Entries.GetValueOrDefault(indexName);
}
