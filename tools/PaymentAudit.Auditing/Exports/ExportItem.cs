using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Auditing.Exports;

/// <summary>A row of a full export: <c>{"Item":{...}}</c>, one item of the table.</summary>
/// <param name="Item">The item's attributes.</param>
/// <param name="File">The data file.</param>
/// <param name="Line">The line in the uncompressed file.</param>
public sealed record ExportItem(IReadOnlyDictionary<string, AttributeValue> Item, string File, long Line) : ExportRow(File, Line);
