namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditKeys"/>.</summary>
/// <param name="EnvironmentName">Environment name used in key aliases.</param>
/// <param name="RetainOnDelete">Keep the keys when the stack is deleted (they decrypt backups and archives).</param>
public sealed record AuditKeysProps(string EnvironmentName, bool RetainOnDelete);
