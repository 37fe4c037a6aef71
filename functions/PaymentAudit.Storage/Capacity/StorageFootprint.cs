namespace PaymentAudit.Storage.Capacity;

/// <summary>
/// Bytes DynamoDB bills as storage for items and their index entries, each with its 100 bytes of
/// overhead (<see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">item sizes and formats</see>,
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.StorageConsiderations">GSI storage considerations</see>).
/// </summary>
/// <param name="Items">How many table items.</param>
/// <param name="TableBytes">Their bytes, overhead included.</param>
/// <param name="IndexEntries">How many global secondary index entries.</param>
/// <param name="IndexBytes">Their bytes, overhead included.</param>
public sealed record StorageFootprint(long Items, long TableBytes, long IndexEntries, long IndexBytes)
{
    /// <summary>Storage DynamoDB adds to every item, and to every index entry, for indexing.</summary>
    public const int OverheadBytes = 100;

    /// <summary>Nothing stored.</summary>
    public static StorageFootprint None { get; } = new(0, 0, 0, 0);

    /// <summary>Table and index bytes together.</summary>
    public long TotalBytes => TableBytes + IndexBytes;

    /// <summary>This footprint and <paramref name="other"/> together.</summary>
    public StorageFootprint Add(StorageFootprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new StorageFootprint(Items + other.Items, TableBytes + other.TableBytes, IndexEntries + other.IndexEntries, IndexBytes + other.IndexBytes);
    }

    /// <summary>What this footprint holds beyond <paramref name="earlier"/> (what was added since).</summary>
    public StorageFootprint Minus(StorageFootprint earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new StorageFootprint(Items - earlier.Items, TableBytes - earlier.TableBytes, IndexEntries - earlier.IndexEntries, IndexBytes - earlier.IndexBytes);
    }
}
