using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>An item's entry in one index, as the meter remembers it.</summary>
/// <param name="Key">Text of the index key values.</param>
/// <param name="Size">Entry size in bytes.</param>
/// <param name="Digest">Digest of the whole entry, to tell a changed projection from an unchanged one.</param>
internal sealed record MeteredEntry(string Key, int Size, string Digest)
{
    /// <summary>How this entry changed into <paramref name="after"/>.</summary>
    public IndexEntryChange ChangeTo(MeteredEntry after) =>
        Key != after.Key ? IndexEntryChange.IndexKeyChanged
        : Digest != after.Digest ? IndexEntryChange.ProjectedAttributesChanged
        : IndexEntryChange.Unchanged;
}
