using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;
using PaymentAudit.Core.Digests;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Digests;

namespace PaymentAudit.Digest;

/// <summary>Wires the digest function's parts together.</summary>
public static class DigestComposition
{
    /// <summary>
    /// The digester over the table, bucket and signing key of <paramref name="settings"/>: chain
    /// heads through the chain directory (queries only), digests in the archive bucket, signatures
    /// from KMS.
    /// </summary>
    public static Digester CreateDigester(DigestSettings settings, IAmazonDynamoDB dynamoDb, IAmazonS3 s3, IAmazonKeyManagementService kms, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Digester(
            new AuditTrailReader(dynamoDb, settings.TableName),
            new S3DigestStore(s3, settings.ArchiveBucket, settings.Environment),
            new KmsDigestSigner(kms, settings.SigningKeyArn),
            time,
            new DigesterOptions
            {
                Environment = settings.Environment,
                TableArn = settings.TableArn,
                Period = TimeSpan.FromSeconds(settings.PeriodSeconds),
            });
    }
}
