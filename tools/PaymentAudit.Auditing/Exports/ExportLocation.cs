using Amazon.S3;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// Where table exports are kept: a local directory, or an S3 bucket and prefix. Paths below a
/// location are relative, separated by <c>/</c>, with no leading slash; the location itself may
/// hold several exports (a full one and incrementals) at any depth below it.
/// </summary>
public abstract class ExportLocation
{
    private const string S3Scheme = "s3://";

    /// <summary>What a person reads: the directory's full path, or <c>s3://bucket/prefix</c>.</summary>
    public abstract string Root { get; }

    /// <summary>A local directory (it need not exist before an export is written into it).</summary>
    public static ExportLocation FromDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new DirectoryExportLocation(Path.GetFullPath(path));
    }

    /// <summary>A bucket and prefix (empty for the whole bucket), read and written through <paramref name="s3"/>.</summary>
    public static ExportLocation FromS3(IAmazonS3 s3, string bucket, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        return new S3ExportLocation(s3, bucket, (prefix ?? string.Empty).Trim('/'));
    }

    /// <summary>True when <paramref name="target"/> is an <c>s3://</c> URI.</summary>
    public static bool IsS3Uri(string target) => target is not null && target.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An <c>s3://bucket/prefix</c> URI (read through <paramref name="s3"/>, which must then be
    /// given) or else a directory path.
    /// </summary>
    /// <exception cref="ArgumentException">The URI names no bucket, or no S3 client was given for it.</exception>
    public static ExportLocation Parse(string target, IAmazonS3? s3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (!IsS3Uri(target))
        {
            return FromDirectory(target);
        }

        var rest = target[S3Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            throw new ArgumentException($"'{target}' names no bucket: use s3://<bucket>/<prefix>.", nameof(target));
        }

        return s3 is null
            ? throw new ArgumentException($"'{target}' is an S3 location, but no S3 client was given to read it.", nameof(s3))
            : FromS3(s3, bucket, prefix);
    }

    /// <summary>The full name of <paramref name="path"/> below this location, for messages.</summary>
    public abstract string Describe(string path);

    /// <summary>Every file below <paramref name="under"/> (empty: the whole location), as paths relative to the location.</summary>
    /// <exception cref="DirectoryNotFoundException">A directory location does not exist.</exception>
    public abstract IAsyncEnumerable<string> ListAsync(string under, CancellationToken cancellationToken);

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public abstract Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, replacing what was there.</summary>
    public abstract Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Root;

    /// <summary>The bucket an export written here names in its manifest (none for a directory).</summary>
    internal abstract string? BucketName { get; }

    /// <summary>The key (S3) or relative path (directory) an export written here names <paramref name="path"/> by.</summary>
    internal abstract string KeyOf(string path);

    /// <summary>Joins path parts with <c>/</c>, skipping empty ones.</summary>
    internal static string Join(params string[] parts) =>
        string.Join('/', parts.Select(p => p.Trim('/')).Where(p => p.Length > 0));
}
