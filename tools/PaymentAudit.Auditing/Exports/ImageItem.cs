namespace PaymentAudit.Auditing.Exports;

/// <summary>An item as the exports show it: its canonical DynamoDB JSON and where it was read.</summary>
/// <param name="Json">Canonical DynamoDB JSON of its attributes (equal items have equal bytes).</param>
/// <param name="Export">The export it was read from.</param>
/// <param name="File">Its data file (one string shared by the file's rows).</param>
/// <param name="Line">Its line in the data file.</param>
/// <param name="WrittenMicros">When it was written, for items read from an incremental export.</param>
internal sealed record ImageItem(byte[] Json, TableExport Export, string File, long Line, long? WrittenMicros)
{
    /// <summary>Its data file and line.</summary>
    public string Position => $"{File} line {Line}";

    /// <summary>E.g. <c>full export X (file line 3)</c>.</summary>
    public string Source => $"{Export} ({Position})";

    /// <summary>True when <paramref name="other"/> has the same attributes.</summary>
    public bool SameContent(byte[] other) => Json.AsSpan().SequenceEqual(other);
}
