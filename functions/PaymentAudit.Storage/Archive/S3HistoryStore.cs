using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Storage.Archive;

/// <summary>
/// The history index in the archive bucket: the manifest at <c>history/manifest.json</c> (each run
/// writes a new version; the bucket keeps every version) and the segment files under
/// <c>history/</c>. Every upload carries a SHA-256 checksum, as Object Lock requires.
/// </summary>
public sealed class S3HistoryStore : IHistoryStore
{
    /// <summary>Object key of the manifest.</summary>
    public const string ManifestKey = "history/manifest.json";

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    /// <summary>Creates a store over <paramref name="bucket"/>.</summary>
    public S3HistoryStore(IAmazonS3 s3, string bucket)
    {
        _s3 = s3;
        _bucket = bucket;
    }

    /// <inheritdoc />
    public async Task<HistoryManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var bytes = await TryReadAsync(ManifestKey, cancellationToken);
        return bytes is null ? null : HistoryManifestFile.Read(bytes);
    }

    /// <inheritdoc />
    public Task WriteManifestAsync(HistoryManifest manifest, CancellationToken cancellationToken) =>
        PutAsync(ManifestKey, HistoryManifestFile.Write(manifest), "application/json", cancellationToken);

    /// <inheritdoc />
    public Task WriteSegmentAsync(string objectKey, byte[] bytes, CancellationToken cancellationToken) =>
        PutAsync(objectKey, bytes, "application/gzip", cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]> ReadSegmentAsync(string objectKey, CancellationToken cancellationToken) =>
        await TryReadAsync(objectKey, cancellationToken)
        ?? throw new FileNotFoundException($"History segment '{objectKey}' is missing from bucket '{_bucket}'.", objectKey);

    private async Task PutAsync(string key, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(bytes, writable: false);
        await _s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = content,
                ContentType = contentType,
                ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
            },
            cancellationToken);
    }

    private async Task<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, key, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
