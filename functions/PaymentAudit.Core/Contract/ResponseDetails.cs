namespace PaymentAudit.Core.Contract;

/// <summary>What the access returned.</summary>
/// <param name="RecordIds">Ids of the payment records returned (possibly none).</param>
public sealed record ResponseDetails(IReadOnlyList<string> RecordIds);
