using Amazon.CDK.AWS.KMS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditTable"/>.</summary>
/// <param name="DataKey">Customer-managed key the table is encrypted with.</param>
/// <param name="RetainOnDelete">Keep the table when the stack is deleted.</param>
/// <param name="Tags">Tags of the table. A global table carries its tags per replica, where stack-wide tagging does not reach.</param>
public sealed record AuditTableProps(IKey DataKey, bool RetainOnDelete, IReadOnlyDictionary<string, string> Tags);
