using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Ports;

/// <summary>
/// Where the whole masked payload of a quarantined message goes when the record holds only a
/// preview: content-addressed by its SHA-256, so storing the same payload again is harmless.
/// </summary>
public interface IPayloadArchive
{
    /// <summary>Stores <see cref="QuarantinedPayload.Masked"/> under <see cref="QuarantinedPayload.Sha256"/>.</summary>
    /// <exception cref="StoreUnavailableException">A transient fault; nothing is known to be stored.</exception>
    Task StoreAsync(QuarantinedPayload payload, CancellationToken cancellationToken);

    /// <summary>The stored payload's bytes, or null when nothing is stored under <paramref name="sha256"/>.</summary>
    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);
}
