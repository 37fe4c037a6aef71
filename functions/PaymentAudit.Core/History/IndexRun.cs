namespace PaymentAudit.Core.History;

/// <summary>What one indexer run did.</summary>
/// <param name="Generation">The manifest generation it wrote.</param>
/// <param name="Chains">Chains in the directory.</param>
/// <param name="RecordsIndexed">Records read and indexed this run.</param>
/// <param name="RowsWritten">Rows written to new level-0 segments.</param>
/// <param name="SegmentsWritten">New segments, level 0 and merged.</param>
/// <param name="SegmentsMerged">Older segments replaced by merged ones.</param>
/// <param name="Problems">Chains the indexer could not advance, and why.</param>
public sealed record IndexRun(
    long Generation,
    int Chains,
    long RecordsIndexed,
    long RowsWritten,
    int SegmentsWritten,
    int SegmentsMerged,
    IReadOnlyList<IndexProblem> Problems);
