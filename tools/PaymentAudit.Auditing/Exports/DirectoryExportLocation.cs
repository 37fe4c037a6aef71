using System.Runtime.CompilerServices;

namespace PaymentAudit.Auditing.Exports;

/// <summary>Exports in a local directory (e.g. an archive prefix copied down with <c>aws s3 sync</c>).</summary>
internal sealed class DirectoryExportLocation(string root) : ExportLocation
{
    /// <inheritdoc />
    public override string Root => root;

    /// <inheritdoc />
    internal override string? BucketName => null;

    /// <inheritdoc />
    public override string Describe(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc />
    public override async IAsyncEnumerable<string> ListAsync(string under, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"'{root}' does not exist.");
        }

        var start = Describe(under);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.CompletedTask;
            yield return Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        }
    }

    /// <inheritdoc />
    public override Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Describe(path);
        return File.Exists(full)
            ? Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
            : throw new FileNotFoundException($"{full} does not exist.", full);
    }

    /// <inheritdoc />
    public override async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Describe(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
    }

    /// <inheritdoc />
    internal override string KeyOf(string path) => path;
}
