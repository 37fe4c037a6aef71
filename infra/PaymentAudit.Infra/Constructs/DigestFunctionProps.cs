using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="DigestFunction"/>.</summary>
/// <param name="EnvironmentName">Value of PAYMENTAUDIT_ENVIRONMENT: part of every digest's key and the metric dimension.</param>
/// <param name="Settings">Memory, timeout, logs and period from the environment config.</param>
/// <param name="MetricsNamespace">Namespace of the function's EMF metrics (the application's one namespace).</param>
/// <param name="Code">The digest function's code asset.</param>
/// <param name="Table">Audit table whose chain heads are digested.</param>
/// <param name="ArchiveBucket">Object-Locked archive bucket the digests are stored in.</param>
/// <param name="DataKey">Key of the table, the archive bucket and the log group.</param>
/// <param name="SigningKey">Asymmetric ECC_NIST_P256 key that signs the digests.</param>
/// <param name="RetainOnDelete">Keep the log group when the stack is deleted.</param>
public sealed record DigestFunctionProps(
    string EnvironmentName,
    DigestConfig Settings,
    string MetricsNamespace,
    Code Code,
    ITableV2 Table,
    IBucket ArchiveBucket,
    IKey DataKey,
    IKey SigningKey,
    bool RetainOnDelete);
