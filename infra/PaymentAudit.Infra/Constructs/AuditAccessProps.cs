using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="AuditAccess"/>.</summary>
/// <param name="EnvironmentName">Environment name used in policy and role names.</param>
/// <param name="Queue">Audit queue producers send to.</param>
/// <param name="Table">Audit table auditors query.</param>
/// <param name="ArchiveBucket">Archive bucket auditors read.</param>
/// <param name="DataKey">Key of the queue, table and archive.</param>
/// <param name="SigningKey">Key whose signatures auditors verify.</param>
/// <param name="AuditorPrincipals">IAM user and role ARNs the auditor role trusts (users with MFA only).</param>
public sealed record AuditAccessProps(
    string EnvironmentName,
    IQueue Queue,
    ITableV2 Table,
    IBucket ArchiveBucket,
    IKey DataKey,
    IKey SigningKey,
    IReadOnlyList<string> AuditorPrincipals);
