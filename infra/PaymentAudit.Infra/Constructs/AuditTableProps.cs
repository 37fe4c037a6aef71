using Amazon.CDK.AWS.KMS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditTable"/>.</summary>
/// <param name="DataKey">Customer-managed key the table is encrypted with.</param>
/// <param name="RetainOnDelete">Keep the table when the stack is deleted.</param>
/// <param name="DeletionProtection">DynamoDB deletion protection.</param>
/// <param name="WriterRoleArn">
/// ARN of the writer's role, the only principal allowed to create items. Build it from the role's
/// fixed name (<see cref="WriterRoleName.ArnFor"/>), never from the Role resource: the role's
/// policy references the table, so a reference back would be a dependency cycle.
/// </param>
/// <param name="Tags">Tags of the table. A global table carries its tags per replica, where stack-wide tagging does not reach.</param>
public sealed record AuditTableProps(
    IKey DataKey,
    bool RetainOnDelete,
    bool DeletionProtection,
    string WriterRoleArn,
    IReadOnlyDictionary<string, string> Tags);
