using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Writer.Tests.Support;

/// <summary>An in-memory payload archive that can be made to fail: a unit-test double for one class.</summary>
public sealed class RecordingArchive : IPayloadArchive
{
    /// <summary>Stored payloads by SHA-256.</summary>
    public Dictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>When true, storing throws a transient fault.</summary>
    public bool Failing { get; set; }

    /// <inheritdoc />
    public Task StoreAsync(QuarantinedPayload payload, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new StoreUnavailableException("scripted archive fault");
        }

        Stored[payload.Sha256] = payload.Masked;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Stored.TryGetValue(sha256, out var text) ? System.Text.Encoding.UTF8.GetBytes(text) : null);
}
