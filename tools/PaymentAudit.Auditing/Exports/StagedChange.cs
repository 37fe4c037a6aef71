namespace PaymentAudit.Auditing.Exports;

/// <summary>An incremental export's change to one item, read and waiting to be applied.</summary>
/// <param name="NewItem">The item after the change; null for a delete.</param>
/// <param name="OldJson">Canonical JSON of the item before the change, when the export has old images.</param>
/// <param name="WrittenMicros">When the change was written.</param>
/// <param name="Position">Its data file and line.</param>
internal sealed record StagedChange(ImageItem? NewItem, byte[]? OldJson, long WrittenMicros, string Position);
