using PaymentAudit.Core.Digests;

namespace PaymentAudit.Core.Ports;

/// <summary>Where an environment's digests are kept (Object-Locked S3 on AWS, fauxqs locally).</summary>
public interface IDigestStore
{
    /// <summary>The latest digest, or null before the first.</summary>
    Task<StoredDigest?> ReadLatestAsync(CancellationToken cancellationToken);

    /// <summary>Stores a digest (with a checksum, as Object Lock requires) and makes it the latest.</summary>
    Task WriteAsync(StoredDigest digest, CancellationToken cancellationToken);

    /// <summary>Every digest of the environment, in key (= time) order.</summary>
    IAsyncEnumerable<StoredDigest> ListAsync(CancellationToken cancellationToken);
}
