using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="TableExportSchedule"/>.</summary>
/// <param name="EnvironmentName">Environment name used in the schedule name.</param>
/// <param name="ScheduleExpression">EventBridge Scheduler expression, evaluated in UTC.</param>
/// <param name="Table">Table to export (point-in-time recovery must be on).</param>
/// <param name="Bucket">Archive bucket the export is written to.</param>
/// <param name="DataKey">Key the export objects are encrypted with.</param>
public sealed record TableExportScheduleProps(
    string EnvironmentName,
    string ScheduleExpression,
    ITableV2 Table,
    IBucket Bucket,
    IKey DataKey);
