using PaymentAudit.Core.History;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Auditing.Queries;

/// <summary>A history index with nothing in it: for targets without an archive bucket, queries then read every chain.</summary>
public sealed class EmptyHistoryStore : IHistoryStore
{
    /// <inheritdoc />
    public Task<HistoryManifest?> ReadManifestAsync(CancellationToken cancellationToken) => Task.FromResult<HistoryManifest?>(null);

    /// <inheritdoc />
    public Task WriteManifestAsync(HistoryManifest manifest, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The auditor's tools never write the history index.");

    /// <inheritdoc />
    public Task WriteSegmentAsync(string objectKey, byte[] bytes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The auditor's tools never write the history index.");

    /// <inheritdoc />
    public Task<byte[]> ReadSegmentAsync(string objectKey, CancellationToken cancellationToken) => throw new FileNotFoundException(objectKey);
}
