namespace PaymentAudit.Core.Topology;

/// <summary>A global secondary index of the audit table. Keys are string attributes.</summary>
/// <param name="Name">Index name as deployed.</param>
/// <param name="PartitionKey">Partition key attribute; items without it are not in the index (sparse).</param>
/// <param name="SortKey">Sort key attribute, or null for an index without one.</param>
/// <param name="Projection">Which attributes the index copies.</param>
/// <param name="ProjectedAttributes">With <see cref="IndexProjection.Include"/>: the non-key attributes copied.</param>
public sealed record IndexDefinition(
    string Name,
    string PartitionKey,
    string? SortKey,
    IndexProjection Projection,
    IReadOnlyList<string> ProjectedAttributes);
