using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditBackup"/>.</summary>
/// <param name="EnvironmentName">Environment name used in vault and plan names.</param>
/// <param name="Settings">Retention and vault lock from the environment config.</param>
/// <param name="Table">Table to back up.</param>
/// <param name="DataKey">Key the vault encrypts recovery points with.</param>
/// <param name="RetainOnDelete">Keep the vault when the stack is deleted.</param>
public sealed record AuditBackupProps(
    string EnvironmentName,
    BackupConfig Settings,
    ITableV2 Table,
    IKey DataKey,
    bool RetainOnDelete);
