using Amazon.CDK.AWS.KMS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditTable"/>.</summary>
/// <param name="DataKey">Customer-managed key the table is encrypted with.</param>
/// <param name="RetainOnDelete">Keep the table when the stack is deleted.</param>
public sealed record AuditTableProps(IKey DataKey, bool RetainOnDelete);
