namespace PaymentAudit.Infra.Configuration;

/// <summary>Environment-specific settings of the audit table (its shape lives in AuditTopology.Table).</summary>
public sealed record TableConfig
{
    /// <summary>
    /// DynamoDB deletion protection. True wherever the table holds real audit data; false only where
    /// the stack must be deletable (dev). The append-only resource policy does not depend on it.
    /// </summary>
    public required bool DeletionProtection { get; init; }
}
