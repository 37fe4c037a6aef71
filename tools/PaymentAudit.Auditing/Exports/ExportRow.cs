namespace PaymentAudit.Auditing.Exports;

/// <summary>One line of an export's data file: an <see cref="ExportItem"/> or an <see cref="ExportChange"/>.</summary>
/// <param name="File">The data file, as its location names it.</param>
/// <param name="Line">The line (from 1) in the uncompressed file.</param>
public abstract record ExportRow(string File, long Line)
{
    /// <summary>Where the row is, for messages: <c>&lt;file&gt; line &lt;n&gt;</c>.</summary>
    public string Position => $"{File} line {Line}";
}
