using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="IndexerSchedule"/>.</summary>
/// <param name="EnvironmentName">Environment name used in resource names.</param>
/// <param name="ScheduleExpression">Scheduler rate expression (UTC) of the runs, validated by the config.</param>
/// <param name="Function">The indexer function the schedule invokes.</param>
/// <param name="DataKey">Key the dead-letter queue is encrypted with.</param>
/// <param name="RetainOnDelete">Keep the dead-letter queue when the stack is deleted.</param>
public sealed record IndexerScheduleProps(
    string EnvironmentName,
    string ScheduleExpression,
    IFunction Function,
    IKey DataKey,
    bool RetainOnDelete);
