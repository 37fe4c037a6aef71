using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Storage.Digests;

/// <summary>
/// An environment's digests in the archive bucket. Each digest is one object under
/// <see cref="DigestKeys.For"/> holding its canonical bytes, uploaded with a SHA-256 checksum (as
/// Object Lock requires of every upload) and <c>If-None-Match: *</c> (so an existing digest is never
/// replaced), with its signature (base64 DER) and signing key id as object metadata
/// (<c>x-amz-meta-signature</c>, <c>x-amz-meta-key-id</c>). A pointer object at
/// <see cref="DigestKeys.LatestOf"/> names the latest digest, so finding it needs no listing of the
/// whole prefix.
/// </summary>
/// <remarks>
/// The digest is written before the pointer, so a run that fails between the two leaves a digest
/// that the pointer does not name yet. <see cref="ReadLatestAsync"/> therefore lists the keys after
/// the one the pointer names (normally that listing holds only the pointer itself: one request) and
/// takes the last digest key it finds; without a readable pointer it lists the whole prefix. A
/// digest that the pointer names but that is missing is an error, not something to skip: a digest
/// was deleted or the pointer overwritten, and the next digest must not silently link past it.
/// </remarks>
public sealed partial class S3DigestStore : IDigestStore
{
    /// <summary>Object metadata name of the signature (sent as <c>x-amz-meta-signature</c>).</summary>
    public const string SignatureMetadata = "signature";

    /// <summary>Object metadata name of the signing key id (sent as <c>x-amz-meta-key-id</c>).</summary>
    public const string KeyIdMetadata = "key-id";

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string _pointerKey;

    /// <summary>Creates a store over the digests of <paramref name="environment"/> in <paramref name="bucket"/>.</summary>
    public S3DigestStore(IAmazonS3 s3, string bucket, string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        _s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        _bucket = bucket;
        _prefix = DigestKeys.PrefixOf(environment);
        _pointerKey = DigestKeys.LatestOf(environment);
    }

    /// <summary>Keys asked for per listing request. Default 1000 (the most S3 returns).</summary>
    public int PageSize { get; init; } = 1000;

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The digest the pointer names is not in the bucket.</exception>
    public async Task<StoredDigest?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var pointed = await ReadPointerAsync(cancellationToken);
        var latest = pointed;
        await foreach (var key in ListKeysAsync(pointed, cancellationToken))
        {
            if (IsDigestKey(key))
            {
                latest = key;
            }
        }

        if (latest is null)
        {
            return null;
        }

        return await TryReadAsync(latest, cancellationToken)
            ?? throw new InvalidDataException(latest == pointed
                ? $"The latest-digest pointer {_pointerKey} in bucket '{_bucket}' names {latest}, which is not there: a digest was deleted or the pointer "
                    + "was overwritten. Verify the digests (paymentaudit verify --digests) before repairing the pointer; the next digest would not link to it."
                : $"The latest digest {latest} in bucket '{_bucket}' was listed but could not be read.");
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A digest is already stored under the digest's key.</exception>
    public async Task WriteAsync(StoredDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (!IsDigestKey(digest.Key))
        {
            throw new ArgumentException($"'{digest.Key}' is not a digest key under {_prefix} (YYYY/MM/DD/HHmmss.json).", nameof(digest));
        }

        var request = PutRequest(digest.Key, digest.Document);
        request.Metadata.Add(SignatureMetadata, Convert.ToBase64String(digest.Signature));
        request.Metadata.Add(KeyIdMetadata, digest.KeyId);
        // Created, never replaced: S3 refuses the upload when the key exists, and the deployed role
        // may put a digest key only with this header (the pointer is the one key it may overwrite).
        request.IfNoneMatch = "*";
        try
        {
            await PutAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new InvalidOperationException($"A digest is already stored under {digest.Key} in bucket '{_bucket}': digests are created, never replaced.", ex);
        }

        // Only once the digest is stored: a pointer must never name a digest that is not there.
        await PutAsync(PutRequest(_pointerKey, PointerBytes(digest.Key)), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every object under the prefix but the pointer, so a stray object is read (and verification
    /// reports it) rather than hidden. A digest whose signature metadata is missing or not base64
    /// reads with an empty signature, which verification reports as invalid.
    /// </remarks>
    public async IAsyncEnumerable<StoredDigest> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in ListKeysAsync(null, cancellationToken))
        {
            if (key == _pointerKey)
            {
                continue;
            }

            yield return await TryReadAsync(key, cancellationToken)
                ?? throw new FileNotFoundException($"Digest '{key}' was listed but is no longer in bucket '{_bucket}'.", key);
        }
    }

    // Keys under the prefix after startAfter, in S3's (UTF-8 binary) key order, page by page.
    private async IAsyncEnumerable<string> ListKeysAsync(string? startAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix, StartAfter = startAfter, MaxKeys = PageSize };
        ListObjectsV2Response response;
        do
        {
            response = await _s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                yield return item.Key;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken));
    }

    // The digest key the pointer names; null when there is no pointer or it does not name a digest
    // of this environment (then the listing alone decides).
    private async Task<string?> ReadPointerAsync(CancellationToken cancellationToken)
    {
        var bytes = await TryReadBytesAsync(_pointerKey, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && IsDigestKey(key.GetString()!)
                ? key.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<StoredDigest?> TryReadAsync(string key, CancellationToken cancellationToken)
    {
        if (await TryGetAsync(key, cancellationToken) is not { } found)
        {
            return null;
        }

        var (bytes, metadata) = found;

        var signature = metadata[SignatureMetadata] is { Length: > 0 } text && TryFromBase64(text) is { } decoded ? decoded : [];
        return new StoredDigest(key, bytes, signature, metadata[KeyIdMetadata] ?? string.Empty);
    }

    private async Task<byte[]?> TryReadBytesAsync(string key, CancellationToken cancellationToken) =>
        (await TryGetAsync(key, cancellationToken))?.Bytes;

    private async Task<(byte[] Bytes, MetadataCollection Metadata)?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, key, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return (buffer.ToArray(), response.Metadata);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private PutObjectRequest PutRequest(string key, byte[] bytes) => new()
    {
        BucketName = _bucket,
        Key = key,
        InputStream = new MemoryStream(bytes, writable: false),
        ContentType = "application/json",
        ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
    };

    private async Task PutAsync(PutObjectRequest request, CancellationToken cancellationToken)
    {
        using (request.InputStream)
        {
            await _s3.PutObjectAsync(request, cancellationToken);
        }
    }

    private bool IsDigestKey(string key) =>
        key.StartsWith(_prefix, StringComparison.Ordinal) && DigestKeyPattern().IsMatch(key.AsSpan(_prefix.Length));

    private static byte[] PointerBytes(string key)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static byte[]? TryFromBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }

    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9]{6}\.json$")]
    private static partial Regex DigestKeyPattern();
}
