using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="TableExports"/>.</summary>
/// <param name="EnvironmentName">Environment name used in resource names.</param>
/// <param name="IncrementalScheduleExpression">Daily Scheduler cron expression (UTC) of the incremental export.</param>
/// <param name="FullScheduleExpression">Scheduler expression (UTC) of the full export.</param>
/// <param name="Table">Table to export (point-in-time recovery must be on).</param>
/// <param name="Bucket">Bucket the exports are written to.</param>
/// <param name="DataKey">Key the export objects and the dead-letter queue are encrypted with.</param>
/// <param name="RetainOnDelete">Keep the dead-letter queue when the stack is deleted.</param>
public sealed record TableExportsProps(
    string EnvironmentName,
    string IncrementalScheduleExpression,
    string FullScheduleExpression,
    ITableV2 Table,
    IBucket Bucket,
    IKey DataKey,
    bool RetainOnDelete);
