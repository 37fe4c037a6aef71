using Amazon.CDK;
using Amazon.CDK.AWS.KMS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditQueues"/>.</summary>
/// <param name="EnvironmentName">Environment name used in queue names.</param>
/// <param name="DataKey">Key both queues are encrypted with.</param>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue.</param>
/// <param name="VisibilityTimeout">Visibility timeout of the audit queue (at least six times the writer timeout).</param>
/// <param name="RetainOnDelete">Keep both queues, and the events still in them, when the stack is deleted.</param>
public sealed record AuditQueuesProps(string EnvironmentName, IKey DataKey, int MaxReceiveCount, Duration VisibilityTimeout, bool RetainOnDelete);
