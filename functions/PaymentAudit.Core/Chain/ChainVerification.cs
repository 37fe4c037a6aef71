namespace PaymentAudit.Core.Chain;

/// <summary>The result of verifying one chain.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="RecordsChecked">How many records were read.</param>
/// <param name="LastRecord">The last record read (<see cref="ChainHead.Genesis"/> for an empty chain).</param>
/// <param name="Violations">Findings in chain order; empty when the chain is intact.</param>
public sealed record ChainVerification(string ChainId, long RecordsChecked, ChainHead LastRecord, IReadOnlyList<ChainViolation> Violations)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsIntact => Violations.Count == 0;

    /// <summary>The first finding, if any: where an investigation starts.</summary>
    public ChainViolation? FirstViolation => Violations.Count > 0 ? Violations[0] : null;
}
