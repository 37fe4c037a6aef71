using System.Diagnostics;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;

namespace PaymentAudit.Benchmarks.Verification;

/// <summary>
/// Takes a verification apart: the same reads of the chains without any checking, with the same
/// parallelism, and the verifier's own work over records already in memory, on one thread.
/// </summary>
internal sealed class VerificationSplit(AuditTrailReader reader)
{
    private const int InMemorySampleRecords = 20_000;
    private long _recordsRead;

    /// <summary>Records read so far by <see cref="ReadChainsAsync"/>.</summary>
    public long RecordsRead => Interlocked.Read(ref _recordsRead);

    /// <summary>Reads every chain as <c>paymentaudit verify</c> does (same queries, <paramref name="parallel"/> at once), checking nothing; returns the records read and the time.</summary>
    public async Task<(long Records, TimeSpan Elapsed)> ReadChainsAsync(int parallel, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var chains = await reader.ListChainIdsAsync(cancellationToken);
        await Parallel.ForEachAsync(
            chains,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (chainId, ct) =>
            {
                await foreach (var _ in reader.ReadChainAsync(chainId, cancellationToken: ct))
                {
                    Interlocked.Increment(ref _recordsRead);
                }
            });
        return (RecordsRead, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Reads whole chains until about 20,000 records are in memory, then times <see cref="ChainVerifier"/>
    /// over them on one thread, making each record's projection as <c>paymentaudit verify</c> does
    /// (after one untimed pass to warm up). Returns the records timed and the time per record.
    /// </summary>
    public async Task<(long Records, TimeSpan PerRecord)> VerifierInMemoryAsync(CancellationToken cancellationToken)
    {
        var chains = new List<(string ChainId, StoredRecord[] Records)>();
        var held = 0;
        foreach (var chainId in await reader.ListChainIdsAsync(cancellationToken))
        {
            var records = new List<StoredRecord>();
            await foreach (var record in reader.ReadChainAsync(chainId, cancellationToken: cancellationToken))
            {
                records.Add(record);
            }

            chains.Add((chainId, [.. records]));
            held += records.Count;
            if (held >= InMemorySampleRecords)
            {
                break;
            }
        }

        var verifier = new ChainVerifier(new AuditEventValidator());
        long projected = 0;
        await VerifyAllAsync();
        var started = Stopwatch.GetTimestamp();
        var checkedRecords = await VerifyAllAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (checkedRecords, elapsed / Math.Max(1, checkedRecords));

        async Task<long> VerifyAllAsync()
        {
            long count = 0;
            foreach (var (chainId, records) in chains)
            {
                var result = await verifier.VerifyAsync(chainId, Stream(records), onRecord: (_, projection) => projected += projection.Seed.ResponseRecordIds.Count, cancellationToken: cancellationToken);
                if (!result.IsIntact)
                {
                    throw new InvalidOperationException($"Chain '{chainId}' does not verify in memory: {result.FirstViolation}");
                }

                count += result.RecordsChecked;
            }

            return count;
        }
    }

    private static async IAsyncEnumerable<StoredRecord> Stream(StoredRecord[] records)
    {
        foreach (var record in records)
        {
            yield return record;
        }

        await Task.CompletedTask;
    }
}
