using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="DigestSchedule"/>.</summary>
/// <param name="EnvironmentName">Environment name used in resource names.</param>
/// <param name="PeriodMinutes">Minutes between two digests, validated by the config.</param>
/// <param name="Function">The digest function the schedule invokes.</param>
/// <param name="DataKey">Key the dead-letter queue is encrypted with.</param>
/// <param name="RetainOnDelete">Keep the dead-letter queue when the stack is deleted.</param>
public sealed record DigestScheduleProps(
    string EnvironmentName,
    int PeriodMinutes,
    IFunction Function,
    IKey DataKey,
    bool RetainOnDelete);
