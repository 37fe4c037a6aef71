using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="IndexerFunction"/>.</summary>
/// <param name="EnvironmentName">Value of PAYMENTAUDIT_ENVIRONMENT, the metric dimension.</param>
/// <param name="Settings">Memory, timeout, logs, schedule and index buckets from the environment config.</param>
/// <param name="MetricsNamespace">Namespace of the indexer's EMF metrics (the application's one namespace).</param>
/// <param name="Code">The indexer's code asset.</param>
/// <param name="Table">Audit table the indexer reads.</param>
/// <param name="ArchiveBucket">Archive bucket that holds the history index.</param>
/// <param name="DataKey">Key of the table, the archive bucket and the log group.</param>
/// <param name="RetainOnDelete">Keep the log group when the stack is deleted.</param>
public sealed record IndexerFunctionProps(
    string EnvironmentName,
    IndexerConfig Settings,
    string MetricsNamespace,
    Code Code,
    ITableV2 Table,
    IBucket ArchiveBucket,
    IKey DataKey,
    bool RetainOnDelete);
