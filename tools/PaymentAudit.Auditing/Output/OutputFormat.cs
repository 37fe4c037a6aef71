namespace PaymentAudit.Auditing.Output;

/// <summary>How a command prints its results.</summary>
public enum OutputFormat
{
    /// <summary>Aligned columns for people.</summary>
    Table,

    /// <summary>One JSON document (an array of objects), for tools.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row, for spreadsheets and tools.</summary>
    Csv,
}
