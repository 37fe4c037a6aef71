using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditAlarms"/>.</summary>
/// <param name="EnvironmentName">Environment name: alarm names and the writer metrics' dimension.</param>
/// <param name="Settings">Thresholds and the optional e-mail recipient.</param>
/// <param name="MetricsNamespace">Namespace of the writer's EMF metrics.</param>
/// <param name="DataKey">Key the alarm topic is encrypted with.</param>
/// <param name="Queue">Audit queue.</param>
/// <param name="DeadLetterQueue">Its dead-letter queue.</param>
/// <param name="Writer">Writer function.</param>
/// <param name="Indexer">History indexer function.</param>
/// <param name="IndexerSchedulePeriod">Time between two scheduled indexer runs.</param>
/// <param name="IndexerDeadLetterQueue">Where EventBridge Scheduler puts indexer invocations it gave up on.</param>
/// <param name="Digest">Digest function.</param>
/// <param name="DigestPeriod">Time between two scheduled digests.</param>
/// <param name="DigestDeadLetterQueue">Where EventBridge Scheduler puts digest invocations it gave up on.</param>
/// <param name="Table">Audit table.</param>
/// <param name="Vault">Backup vault.</param>
/// <param name="ExportFailures">Failed, timed-out and aborted export executions.</param>
/// <param name="ExportCopyFailures">Export objects that failed to replicate into the archive.</param>
/// <param name="ExportDeadLetterQueue">Where EventBridge Scheduler puts export starts it gave up on.</param>
public sealed record AuditAlarmsProps(
    string EnvironmentName,
    AlarmConfig Settings,
    string MetricsNamespace,
    IKey DataKey,
    IQueue Queue,
    IQueue DeadLetterQueue,
    IFunction Writer,
    IFunction Indexer,
    TimeSpan IndexerSchedulePeriod,
    IQueue IndexerDeadLetterQueue,
    IFunction Digest,
    TimeSpan DigestPeriod,
    IQueue DigestDeadLetterQueue,
    ITableV2 Table,
    IBackupVault Vault,
    IMetric ExportFailures,
    IMetric ExportCopyFailures,
    IQueue ExportDeadLetterQueue);
