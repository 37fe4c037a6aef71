using System.Runtime.CompilerServices;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Ports;

namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>Digests in memory, with the latest pointer: a stand-in for the archive bucket.</summary>
public sealed class InMemoryDigestStore : IDigestStore
{
    private string? _latest;

    /// <summary>Stored digests by key.</summary>
    public SortedDictionary<string, StoredDigest> Digests { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StoredDigest?> ReadLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_latest is null ? null : Digests.GetValueOrDefault(_latest));

    /// <inheritdoc />
    public Task WriteAsync(StoredDigest digest, CancellationToken cancellationToken)
    {
        Digests[digest.Key] = digest;
        _latest = digest.Key;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDigest> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var digest in Digests.Values.ToList())
        {
            await Task.Yield();
            yield return digest;
        }
    }
}
