using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.SSM;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditAccess"/>.</summary>
/// <param name="EnvironmentName">Environment name used in policy and role names.</param>
/// <param name="Queue">Audit queue producers send to; auditors and operators record their own actions on it.</param>
/// <param name="DeadLetterQueue">Dead-letter queue auditors list and operators redrive.</param>
/// <param name="Table">Audit table auditors query.</param>
/// <param name="ArchiveBucket">Archive bucket auditors read.</param>
/// <param name="DataKey">Key of the queues, table and archive.</param>
/// <param name="SigningKey">Key whose public half auditors use to verify digests.</param>
/// <param name="TargetParameters">The SSM parameters the command line resolves <c>--env</c> with (<see cref="Constructs.TargetParameters.All"/>).</param>
/// <param name="AuditorPrincipals">IAM user and role ARNs the auditor role trusts (users with MFA only).</param>
/// <param name="OperatorPrincipals">IAM user and role ARNs the operator role trusts (users with MFA only).</param>
public sealed record AuditAccessProps(
    string EnvironmentName,
    IQueue Queue,
    IQueue DeadLetterQueue,
    ITableV2 Table,
    IBucket ArchiveBucket,
    IKey DataKey,
    IKey SigningKey,
    IReadOnlyList<IStringParameter> TargetParameters,
    IReadOnlyList<string> AuditorPrincipals,
    IReadOnlyList<string> OperatorPrincipals);
