namespace PaymentAudit.Client.Internal;

/// <summary>Entry ids within one batch: the entry's position, "0" to "9", cached so batches allocate no id strings.</summary>
internal static class BatchEntryIds
{
    public const int MaxEntriesPerBatch = 10;

    private static readonly string[] Ids = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static string For(int index) => Ids[index];

    public static bool TryParse(string? id, int count, out int index)
    {
        index = id is { Length: 1 } && char.IsAsciiDigit(id[0]) ? id[0] - '0' : -1;
        return index >= 0 && index < count;
    }
}
