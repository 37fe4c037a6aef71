namespace PaymentAudit.Auditing.Verification;

/// <summary>How far a verification has come.</summary>
/// <param name="ChainsDone">Chains walked.</param>
/// <param name="Chains">Chains to walk.</param>
/// <param name="Records">Records checked.</param>
/// <param name="Violations">Violations found so far.</param>
/// <param name="Elapsed">Time since the start.</param>
public sealed record VerifyProgress(int ChainsDone, int Chains, long Records, int Violations, TimeSpan Elapsed)
{
    /// <summary>Records checked per second so far.</summary>
    public double RecordsPerSecond => Elapsed > TimeSpan.Zero ? Records / Elapsed.TotalSeconds : 0;
}
