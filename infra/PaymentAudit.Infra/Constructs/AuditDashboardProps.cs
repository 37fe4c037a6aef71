using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditDashboard"/>.</summary>
/// <param name="EnvironmentName">Environment name: dashboard name and the EMF metrics' dimension.</param>
/// <param name="MetricsNamespace">Namespace of the writer's, the indexer's and the digest function's EMF metrics.</param>
/// <param name="Queue">Audit queue.</param>
/// <param name="DeadLetterQueue">Its dead-letter queue.</param>
/// <param name="Writer">Writer function.</param>
/// <param name="Indexer">History indexer function.</param>
/// <param name="Digest">Digest function.</param>
/// <param name="Table">Audit table.</param>
/// <param name="Alarms">Alarms shown in the status row.</param>
public sealed record AuditDashboardProps(
    string EnvironmentName,
    string MetricsNamespace,
    IQueue Queue,
    IQueue DeadLetterQueue,
    IFunction Writer,
    IFunction Indexer,
    IFunction Digest,
    TableBaseV2 Table,
    IReadOnlyList<IAlarm> Alarms);
