namespace PaymentAudit.Core.Contract;

/// <summary>Result of the access.</summary>
/// <param name="Result"><see cref="OutcomeResults.Success"/>, <see cref="OutcomeResults.Failure"/> or <see cref="OutcomeResults.Denied"/>.</param>
/// <param name="Reason">Why it failed or was denied.</param>
public sealed record Outcome(string Result, string? Reason = null);
