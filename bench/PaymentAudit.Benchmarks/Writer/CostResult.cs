using System.Globalization;
using PaymentAudit.Storage.Capacity;
using PaymentAudit.Testing.DynamoDb;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>What one design spent on one kind of message: units billed by the meter and bytes left stored.</summary>
/// <param name="Kind">The kind of message.</param>
/// <param name="Design"><c>writer</c> or <c>baseline</c>.</param>
/// <param name="Events">Messages fed.</param>
/// <param name="Settled">Messages the design stored (accepted or quarantined).</param>
/// <param name="ByOperation">The meter's bill by operation.</param>
/// <param name="IndexWriteUnits">The meter's write units by index.</param>
/// <param name="Storage">What the table held afterwards.</param>
internal sealed record CostResult(
    string Kind,
    string Design,
    int Events,
    int Settled,
    IReadOnlyDictionary<string, OperationCapacity> ByOperation,
    IReadOnlyDictionary<string, long> IndexWriteUnits,
    StorageFootprint Storage)
{
    public double WriteUnitsPerEvent => ByOperation.Values.Sum(o => o.WriteUnits) / (double)Events;

    public double ReadUnitsPerEvent => ByOperation.Values.Sum(o => o.ReadUnits) / Events;

    public double StoredBytesPerEvent => Storage.TotalBytes / (double)Events;

    /// <summary>The result line: <c>cost: kind=... design=... wru_per_event=... rru_per_event=... stored_bytes_per_event=...</c>.</summary>
    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"cost: kind={Kind} design={Design} wru_per_event={WriteUnitsPerEvent:0.00} rru_per_event={ReadUnitsPerEvent:0.000} stored_bytes_per_event={StoredBytesPerEvent:0}");

    /// <summary>Where the units and bytes went, for a comment line.</summary>
    public string Detail()
    {
        var operations = string.Join("; ", ByOperation.Values.Where(o => o.Requests > 0).OrderBy(o => o.Operation, StringComparer.Ordinal).Select(o => string.Create(
            CultureInfo.InvariantCulture,
            $"{o.Operation} requests={o.Requests} wru={o.TableWriteUnits}+{o.IndexWriteUnits} rru={o.ReadUnits:0.#}{Flags(o)}")));
        var indexes = string.Join(" ", IndexWriteUnits.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Key}={i.Value}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"// {Kind}/{Design}: {Settled}/{Events} stored; {operations}; index wru: {(indexes.Length == 0 ? "none" : indexes)}; stored {Storage.Items} items ({Storage.Items / (double)Events:0.00}/event) {Storage.TableBytes} B + {Storage.IndexEntries} index entries {Storage.IndexBytes} B");
    }

    private static string Flags(OperationCapacity o)
    {
        var flags = new List<string>();
        Add(flags, o.ConditionalCheckFailures, "condition failures");
        Add(flags, o.CancelledTransactions, "cancelled");
        Add(flags, o.ReplayedTransactions, "replayed");
        Add(flags, o.UnbilledErrors, "unbilled errors");
        Add(flags, o.EstimatedRequests, "estimated");
        return flags.Count == 0 ? string.Empty : $" ({string.Join(", ", flags)})";
    }

    private static void Add(List<string> flags, int count, string what)
    {
        if (count > 0)
        {
            flags.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {what}"));
        }
    }
}
