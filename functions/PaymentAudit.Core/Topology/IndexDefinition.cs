namespace PaymentAudit.Core.Topology;

/// <summary>A global secondary index of the audit table. Keys are string attributes.</summary>
/// <param name="Name">Index name as deployed.</param>
/// <param name="PartitionKey">Partition key attribute.</param>
/// <param name="SortKey">Sort key attribute.</param>
/// <param name="ProjectedAttributes">Non-key attributes projected into the index (INCLUDE projection).</param>
public sealed record IndexDefinition(
    string Name,
    string PartitionKey,
    string SortKey,
    IReadOnlyList<string> ProjectedAttributes);
