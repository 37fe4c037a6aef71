namespace PaymentAudit.Storage.Capacity;

/// <summary>
/// Write and read request units as DynamoDB bills them (on demand; provisioned capacity units are
/// consumed the same way), from item sizes measured by <see cref="ItemSize"/>. 1 KB = 1,024 bytes.
/// </summary>
/// <remarks>
/// Sources:
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html">DynamoDB read and write operations</see>
/// (rounding, PutItem over an existing item, failed conditional writes, GetItem, BatchGetItem, Query);
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html">on-demand capacity mode</see>
/// (read and write request units, transactional reads and writes at twice the units);
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling">capacity management for transactions</see>
/// (a prepare and a commit write per item);
/// <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations">GSI throughput considerations</see>
/// (index writes and index reads).
/// </remarks>
public static class CapacityUnits
{
    /// <summary>Bytes one write unit writes.</summary>
    public const int WriteUnitBytes = 1024;

    /// <summary>Bytes one strongly consistent read unit reads.</summary>
    public const int ReadUnitBytes = 4096;

    /// <summary>Units of one standard write of an item of <paramref name="itemBytes"/>: the size rounded up to the next 1 KB, at least one unit.</summary>
    public static int ForWrite(long itemBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemBytes);
        return (int)Math.Max(1, (itemBytes + WriteUnitBytes - 1) / WriteUnitBytes);
    }

    /// <summary>
    /// Units of one write inside <c>TransactWriteItems</c>: twice a standard write, because DynamoDB
    /// writes each item twice, once to prepare and once to commit the transaction.
    /// </summary>
    public static int ForTransactionalWrite(long itemBytes) => 2 * ForWrite(itemBytes);

    /// <summary>
    /// Units of a successful <c>PutItem</c> of <paramref name="newItemBytes"/>. When it replaces an
    /// item of <paramref name="existingItemBytes"/>, the larger of the two sizes is billed.
    /// </summary>
    public static int ForPut(int newItemBytes, int? existingItemBytes) =>
        ForWrite(Math.Max(newItemBytes, existingItemBytes ?? 0));

    /// <summary>
    /// Units of a conditional write whose condition failed (nothing is written, the units are still
    /// consumed): one unit when no item has the key; when one does, its size decides.
    /// </summary>
    /// <param name="newItemBytes">Size of the item the write would have stored (0 for a delete).</param>
    /// <param name="existingItemBytes">Size of the item stored under the key, or null when there is none.</param>
    /// <remarks>
    /// AWS words the existing-item case two ways: "depends on the size of the new item"
    /// (read-write-operations) and "depends on the size of the item" (WorkingWithItems,
    /// ConditionalWrites.ReturnConsumedCapacity). Both examples agree with the larger of the two
    /// sizes, which is what is billed here, as for a <c>PutItem</c> that replaces an item.
    /// </remarks>
    public static int ForFailedConditionalWrite(int newItemBytes, int? existingItemBytes) =>
        existingItemBytes is { } existing ? ForWrite(Math.Max(newItemBytes, existing)) : 1;

    /// <summary>Units of a <c>DeleteItem</c>: the deleted item's size; one unit when there was none.</summary>
    public static int ForDelete(int? existingItemBytes) => ForWrite(existingItemBytes ?? 0);

    /// <summary>
    /// Units one item write costs a global secondary index, given the item's entry in that index before
    /// and after the write (null: the item has no entry, e.g. it lacks an index key attribute of a sparse index).
    /// </summary>
    /// <remarks>
    /// Not doubled inside transactions: AWS documents the doubling for the items of the transaction
    /// (prepare and commit), not for the index updates that follow, and measurements against
    /// DynamoDB agree (docs/cost.md).
    /// </remarks>
    /// <param name="entryBytesBefore">Size of the entry before the write, or null.</param>
    /// <param name="entryBytesAfter">Size of the entry after the write, or null.</param>
    /// <param name="change">When both exist, how the entry changed.</param>
    public static int ForIndexWrite(int? entryBytesBefore, int? entryBytesAfter, IndexEntryChange change) =>
        (entryBytesBefore, entryBytesAfter) switch
        {
            (null, null) => 0,
            (null, { } added) => ForWrite(added),
            ({ } removed, null) => ForWrite(removed),
            ({ } before, { } after) => change switch
            {
                IndexEntryChange.Unchanged => 0,
                IndexEntryChange.ProjectedAttributesChanged => ForWrite(Math.Max(before, after)),
                IndexEntryChange.IndexKeyChanged => ForWrite(before) + ForWrite(after),
                _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
            },
        };

    /// <summary>
    /// Units of one read of <paramref name="bytes"/>: a <c>GetItem</c> of one item (0 when it does
    /// not exist), or one <c>Query</c> or <c>Scan</c> page, whose items' sizes are summed first.
    /// The bytes are rounded up to the next 4 KB, at least one unit; an eventually consistent read
    /// costs half, a transactional read twice.
    /// </summary>
    public static double ForRead(long bytes, ReadConsistency consistency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var units = (double)Math.Max(1, (bytes + ReadUnitBytes - 1) / ReadUnitBytes);
        return consistency switch
        {
            ReadConsistency.Eventual => units / 2,
            ReadConsistency.Strong => units,
            ReadConsistency.Transactional => units * 2,
            _ => throw new ArgumentOutOfRangeException(nameof(consistency), consistency, null),
        };
    }

    /// <summary>
    /// Units of a <c>BatchGetItem</c>: each item is read as its own <c>GetItem</c>, so each size is
    /// rounded up to 4 KB before the units are summed.
    /// </summary>
    public static double ForBatchGet(IEnumerable<int> itemBytes, ReadConsistency consistency)
    {
        ArgumentNullException.ThrowIfNull(itemBytes);
        return itemBytes.Sum(bytes => ForRead(bytes, consistency));
    }

    /// <summary>
    /// Units of a <c>BatchWriteItem</c>: each put or delete is its own write, so each size is rounded
    /// up to 1 KB before the units are summed.
    /// </summary>
    public static int ForBatchWrite(IEnumerable<int> itemBytes)
    {
        ArgumentNullException.ThrowIfNull(itemBytes);
        return itemBytes.Sum(bytes => ForWrite(bytes));
    }
}
