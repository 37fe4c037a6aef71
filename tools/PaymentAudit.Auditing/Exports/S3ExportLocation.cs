using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace PaymentAudit.Auditing.Exports;

/// <summary>Exports under a prefix of an S3 bucket (the archive bucket's <c>exports/</c>, or any prefix below it).</summary>
internal sealed class S3ExportLocation(IAmazonS3 s3, string bucket, string prefix) : ExportLocation
{
    /// <inheritdoc />
    public override string Root => prefix.Length == 0 ? $"s3://{bucket}" : $"s3://{bucket}/{prefix}";

    /// <inheritdoc />
    internal override string? BucketName => bucket;

    /// <inheritdoc />
    public override string Describe(string path) => $"s3://{bucket}/{KeyOf(path)}";

    /// <inheritdoc />
    public override async IAsyncEnumerable<string> ListAsync(string under, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listPrefix = KeyOf(under);
        var request = new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = listPrefix.Length == 0 || listPrefix.EndsWith('/') ? listPrefix : listPrefix + "/",
        };
        do
        {
            var response = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var entry in response.S3Objects ?? [])
            {
                if (!entry.Key.EndsWith('/'))
                {
                    yield return prefix.Length == 0 ? entry.Key : entry.Key[(prefix.Length + 1)..];
                }
            }

            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    /// <inheritdoc />
    public override async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(bucket, KeyOf(path), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"{Describe(path)} does not exist.", Describe(path), ex);
        }
    }

    /// <inheritdoc />
    public override async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = KeyOf(path), InputStream = stream, ChecksumAlgorithm = ChecksumAlgorithm.SHA256 },
            cancellationToken);
    }

    /// <inheritdoc />
    internal override string KeyOf(string path) => Join(prefix, path);
}
