using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Storage.Archive;

/// <summary>
/// Keeps whole masked payloads of quarantined messages in the archive bucket under
/// <c>quarantine/&lt;sha256&gt;</c>. Each upload carries a SHA-256 checksum, which S3 verifies and
/// which buckets with Object Lock default retention require of every upload. Content-addressed, so
/// storing the same payload twice writes the same bytes again (a new version under versioning).
/// </summary>
public sealed class S3PayloadArchive : IPayloadArchive
{
    /// <summary>Key prefix of archived payloads.</summary>
    public const string Prefix = "quarantine/";

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    /// <summary>Creates an archive over <paramref name="bucket"/>.</summary>
    public S3PayloadArchive(IAmazonS3 s3, string bucket)
    {
        _s3 = s3;
        _bucket = bucket;
    }

    /// <summary>The object key of a payload.</summary>
    public static string KeyOf(string sha256) => Prefix + sha256;

    /// <inheritdoc />
    public async Task StoreAsync(QuarantinedPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            await _s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = KeyOf(payload.Sha256),
                    ContentBody = payload.Masked,
                    ContentType = "text/plain; charset=utf-8",
                    ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
                },
                cancellationToken);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Archiving a quarantined payload failed transiently: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, KeyOf(sha256), cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        AmazonS3Exception s3 => (int)s3.StatusCode >= 500 || s3.StatusCode == HttpStatusCode.TooManyRequests || s3.ErrorCode is "SlowDown" or "RequestTimeout",
        HttpRequestException or IOException => true,
        Amazon.Runtime.AmazonClientException { InnerException: HttpRequestException or IOException or TaskCanceledException } => true,
        OperationCanceledException when !callerToken.IsCancellationRequested => true,
        _ => false,
    };
}
