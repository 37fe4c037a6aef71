using PaymentAudit.Core.History;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>The history index's objects in memory: a stand-in for the archive bucket.</summary>
public sealed class InMemoryHistoryStore : IHistoryStore
{
    private HistoryManifest? _manifest;

    /// <summary>Segment files by object key.</summary>
    public Dictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Segment reads so far.</summary>
    public int SegmentReads { get; private set; }

    /// <inheritdoc />
    public Task<HistoryManifest?> ReadManifestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_manifest is null ? null : HistoryManifestFile.Read(HistoryManifestFile.Write(_manifest)));

    /// <inheritdoc />
    public Task WriteManifestAsync(HistoryManifest manifest, CancellationToken cancellationToken)
    {
        _manifest = manifest;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteSegmentAsync(string objectKey, byte[] bytes, CancellationToken cancellationToken)
    {
        Objects[objectKey] = bytes;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]> ReadSegmentAsync(string objectKey, CancellationToken cancellationToken)
    {
        SegmentReads++;
        return Objects.TryGetValue(objectKey, out var bytes) ? Task.FromResult(bytes) : throw new FileNotFoundException(objectKey);
    }
}
