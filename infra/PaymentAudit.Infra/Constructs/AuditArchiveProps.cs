using Amazon.CDK.AWS.KMS;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditArchive"/>.</summary>
/// <param name="Settings">Object Lock, lifecycle and log retention from the environment config.</param>
/// <param name="DataKey">Key the archive bucket is encrypted with.</param>
/// <param name="RetainOnDelete">Keep both buckets when the stack is deleted.</param>
public sealed record AuditArchiveProps(ArchiveConfig Settings, IKey DataKey, bool RetainOnDelete);
