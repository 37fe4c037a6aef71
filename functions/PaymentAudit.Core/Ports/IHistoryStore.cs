using PaymentAudit.Core.History;

namespace PaymentAudit.Core.Ports;

/// <summary>Where the history index lives: the manifest and the segment files (the archive bucket on AWS).</summary>
public interface IHistoryStore
{
    /// <summary>The current manifest, or null before the first indexer run.</summary>
    Task<HistoryManifest?> ReadManifestAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the current manifest. Written last in a run: it is the run's commit.</summary>
    Task WriteManifestAsync(HistoryManifest manifest, CancellationToken cancellationToken);

    /// <summary>Stores a segment file under <paramref name="objectKey"/>.</summary>
    Task WriteSegmentAsync(string objectKey, byte[] bytes, CancellationToken cancellationToken);

    /// <summary>A segment file's bytes.</summary>
    /// <exception cref="FileNotFoundException">Nothing is stored under <paramref name="objectKey"/>.</exception>
    Task<byte[]> ReadSegmentAsync(string objectKey, CancellationToken cancellationToken);
}
