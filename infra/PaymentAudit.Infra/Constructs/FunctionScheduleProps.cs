using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="FunctionSchedule"/>.</summary>
/// <param name="EnvironmentName">Environment name used in resource names.</param>
/// <param name="ScheduleExpression">Scheduler rate expression (UTC) of the runs, validated by the config.</param>
/// <param name="Period">Time between two runs (what the expression says).</param>
/// <param name="Function">The function the schedule invokes.</param>
/// <param name="DataKey">Key the dead-letter queue is encrypted with.</param>
/// <param name="RetainOnDelete">Keep the dead-letter queue when the stack is deleted.</param>
/// <param name="Runs">What the schedule runs, for descriptions ("the history indexer").</param>
/// <param name="ResourceName">Short name in the dead-letter queue's name (<c>paymentaudit-&lt;env&gt;-&lt;name&gt;-start-dlq</c>).</param>
/// <param name="ScheduleName">Name of the schedule after <c>PaymentAudit-&lt;env&gt;-</c>.</param>
/// <param name="InvokeStatementId">Sid of the policy statement that lets the role invoke the function.</param>
/// <param name="ScheduleDescription">The schedule's description.</param>
public sealed record FunctionScheduleProps(
    string EnvironmentName,
    string ScheduleExpression,
    TimeSpan Period,
    IFunction Function,
    IKey DataKey,
    bool RetainOnDelete,
    string Runs,
    string ResourceName,
    string ScheduleName,
    string InvokeStatementId,
    string ScheduleDescription);
