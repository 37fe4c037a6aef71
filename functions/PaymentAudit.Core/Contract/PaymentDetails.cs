namespace PaymentAudit.Core.Contract;

/// <summary>A processed payment.</summary>
/// <param name="PaymentId">The payment record's id.</param>
/// <param name="Amount">Decimal amount as a string (no binary floating point), e.g. <c>"129.90"</c>.</param>
/// <param name="Currency">ISO 4217 alphabetic code, e.g. <c>EUR</c>.</param>
public sealed record PaymentDetails(string PaymentId, string Amount, string Currency);
