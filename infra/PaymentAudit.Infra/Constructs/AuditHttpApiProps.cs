using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditHttpApi"/>.</summary>
/// <param name="EnvironmentName">Environment name used in resource names and the access log.</param>
/// <param name="Settings">Throttling, usage plan, access log retention and alarm thresholds from the environment config.</param>
/// <param name="MetricsNamespace">Namespace of the throttled-requests metric (the application's one namespace).</param>
/// <param name="Queue">The audit queue the API sends to.</param>
/// <param name="DataKey">Key of the queue and of the access log group.</param>
/// <param name="RetainOnDelete">Keep the access log group when the stack is deleted.</param>
public sealed record AuditHttpApiProps(
    string EnvironmentName,
    HttpConfig Settings,
    string MetricsNamespace,
    IQueue Queue,
    IKey DataKey,
    bool RetainOnDelete);
