namespace PaymentAudit.Core.Chain;

/// <summary>One finding of chain verification, located by chain id and sequence number.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="Seq">The sequence number where the problem shows.</param>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Detail">What exactly differs.</param>
public sealed record ChainViolation(string ChainId, long Seq, ViolationKind Kind, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"chain '{ChainId}' seq {Seq}: {Kind}: {Detail}";
}
