namespace PaymentAudit.Core.Topology;

/// <summary>Shape of the audit table: string partition and sort keys plus its global indexes.</summary>
public sealed record TableDefinition(
    string PartitionKey,
    string SortKey,
    IReadOnlyList<IndexDefinition> GlobalIndexes);
