using BenchmarkDotNet.Attributes;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Auditing;

/// <summary>
/// The verifier's CPU work per record on one core, over realistic records held in memory (the mix
/// the demo stores: typical queries, record views, payments, a few quarantined messages). The
/// figure to read is records/s = OperationsPerInvoke / Mean.
/// </summary>
[MemoryDiagnoser]
public class ChainVerifierBenchmarks
{
    private const int Records = 10_000;
    private readonly ChainVerifier _verifier = new(new AuditEventValidator());
    private StoredRecord[] _chain = [];

    [GlobalSetup]
    public void Setup()
    {
        var entries = new List<ChainEntry>(Records);
        var validator = new AuditEventValidator();
        for (var i = 0; i < Records; i++)
        {
            var body = (i % 100) switch
            {
                0 => "{\"schemaVersion\":1,\"eventType\":\"payment.record.viewed\"}",
                < 40 => Some.Json(Some.TypicalEvent(i)),
                < 80 => Some.Json(Some.RecordViewedEvent(i)),
                _ => Some.Json(Some.PaymentEvent(minute: i, paymentId: $"pay-{i:D6}")),
            };
            entries.Add(ChainEntry.FromMessage($"m-{i:D6}", body, validator));
        }

        _chain = [.. ChainLinker.Link("chain-1", ChainHead.Genesis, entries, "2026-11-23T10:00:00.0000000Z").Select(l => new StoredRecord("chain-1", l.Record.Seq, l.Record))];
        Console.WriteLine($"// {Records} records, mean body {_chain.Average(r => r.Record.Body.Length):0} characters");
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "verify one record (canonical form, hash, link, projection, attributes)")]
    public async Task<long> VerifyChain()
    {
        var result = await _verifier.VerifyAsync("chain-1", Stream(_chain), [new ChainCommitment(_chain[^1].KeySeq, _chain[^1].Record.Hash, "the benchmark")]);
        return result.RecordsChecked;
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
