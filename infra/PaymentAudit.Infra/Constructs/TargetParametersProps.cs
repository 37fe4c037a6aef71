using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="TargetParameters"/>.</summary>
/// <param name="EnvironmentName">Environment whose path the parameters are published under.</param>
/// <param name="Table">Audit table.</param>
/// <param name="Queue">Audit queue.</param>
/// <param name="DeadLetterQueue">Dead-letter queue of the audit queue.</param>
/// <param name="ArchiveBucket">Archive bucket (history index, quarantined payloads, exports, digests).</param>
/// <param name="SigningKey">Key that signs the digests.</param>
public sealed record TargetParametersProps(
    string EnvironmentName,
    ITableV2 Table,
    IQueue Queue,
    IQueue DeadLetterQueue,
    IBucket ArchiveBucket,
    IKey SigningKey);
