namespace PaymentAudit.Core.Digests;

/// <summary>Settings of the digester.</summary>
public sealed record DigesterOptions
{
    /// <summary>The deployment (e.g. <c>prod</c>); part of every digest's key and document. Required.</summary>
    public required string Environment { get; init; }

    /// <summary>The audit table's ARN (its name locally). Required.</summary>
    public required string TableArn { get; init; }

    /// <summary>How often digests are made. Required: the same period the schedule runs at.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>Chains whose heads are read at once. Default 8.</summary>
    public int ParallelChains { get; init; } = 8;
}
