namespace PaymentAudit.Core.History;

/// <summary>
/// Why the indexer stopped short on a chain: the next record does not link to the last indexed one,
/// or cannot be read. The chain's watermark stays before it, and the indexer reports it on every run
/// until verification explains it.
/// </summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Seq">The record it could not index.</param>
/// <param name="Detail">What is wrong.</param>
public sealed record IndexProblem(string ChainId, long Seq, string Detail);
