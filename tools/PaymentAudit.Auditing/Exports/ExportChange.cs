using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// A row of an incremental export: <c>{"Metadata":{"WriteTimestampMicros":...},"Keys":{...},"NewImage":{...},"OldImage":{...}}</c>,
/// the last state of an item changed in the export's window.
/// </summary>
/// <param name="Keys">The item's key attributes.</param>
/// <param name="NewImage">The item after the change; null when the item was deleted.</param>
/// <param name="OldImage">The item before the change (<c>NEW_AND_OLD_IMAGES</c> exports only; null otherwise or for an insert).</param>
/// <param name="WriteTimestampMicros">When the change was written, in microseconds since the Unix epoch.</param>
/// <param name="File">The data file.</param>
/// <param name="Line">The line in the uncompressed file.</param>
public sealed record ExportChange(
    IReadOnlyDictionary<string, AttributeValue> Keys,
    IReadOnlyDictionary<string, AttributeValue>? NewImage,
    IReadOnlyDictionary<string, AttributeValue>? OldImage,
    long WriteTimestampMicros,
    string File,
    long Line) : ExportRow(File, Line)
{
    /// <summary>True when the change deleted the item.</summary>
    public bool IsDelete => NewImage is null;

    /// <summary><see cref="WriteTimestampMicros"/> as an instant.</summary>
    public DateTimeOffset WrittenAt => DateTimeOffset.UnixEpoch.AddTicks(WriteTimestampMicros * 10);
}
