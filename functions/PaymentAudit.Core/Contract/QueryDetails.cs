namespace PaymentAudit.Core.Contract;

/// <summary>What was asked for: explicit record ids, a description of the query, or both.</summary>
/// <param name="RecordIds">Ids of the payment records asked for.</param>
/// <param name="Description">Human-readable description of a search (never containing card data).</param>
public sealed record QueryDetails(IReadOnlyList<string>? RecordIds = null, string? Description = null);
