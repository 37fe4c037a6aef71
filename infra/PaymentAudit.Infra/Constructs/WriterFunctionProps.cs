using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="WriterFunction"/>.</summary>
/// <param name="EnvironmentName">Value of PAYMENTAUDIT_ENVIRONMENT, the metric dimension.</param>
/// <param name="Settings">Memory, timeout, concurrency, logs and limits from the environment config.</param>
/// <param name="Code">The writer's code asset.</param>
/// <param name="Table">Audit table the writer appends to.</param>
/// <param name="Queue">Audit queue the writer consumes.</param>
/// <param name="ArchiveBucket">Archive bucket the writer puts whole quarantined payloads into.</param>
/// <param name="DataKey">Key of the table, the queue and the archive bucket.</param>
/// <param name="RetainOnDelete">Keep the log group when the stack is deleted.</param>
public sealed record WriterFunctionProps(
    string EnvironmentName,
    WriterConfig Settings,
    Code Code,
    ITableV2 Table,
    IQueue Queue,
    IBucket ArchiveBucket,
    IKey DataKey,
    bool RetainOnDelete);
