namespace PaymentAudit.Auditing.Output;

/// <summary>One output column: its name (JSON member and CSV header) and its table width.</summary>
/// <param name="Name">Name in JSON and CSV; header in the table.</param>
/// <param name="Width">Width the table pads to (longer values are printed whole).</param>
public sealed record Column(string Name, int Width);
