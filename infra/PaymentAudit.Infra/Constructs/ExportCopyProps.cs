using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Inputs of <see cref="ExportCopy"/>.</summary>
/// <param name="EnvironmentName">Environment name used in descriptions.</param>
/// <param name="Source">Versioned export staging bucket (a <see cref="Bucket"/> created in this stack).</param>
/// <param name="Destination">Versioned, Object-Locked archive bucket.</param>
/// <param name="DataKey">Key of both buckets.</param>
public sealed record ExportCopyProps(string EnvironmentName, Bucket Source, IBucket Destination, IKey DataKey);
