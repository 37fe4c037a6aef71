using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Auditing;

/// <summary>
/// The verifier's CPU work per record on one core, over realistic records held in memory (the mix
/// the demo stores: typical queries, record views, payments, a few quarantined messages). One
/// operation is one record: Mean is the time per record, Allocated the bytes per record, and the
/// records/s column is 1 s / Mean. <see cref="RevalidateContract"/> runs the opt-in contract check
/// of every stored event; the projection variant also makes each record's projection, as
/// <c>paymentaudit verify</c> does to check the indexes and the archive against the records.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Throughput))]
public class ChainVerifierBenchmarks
{
    private const int Records = 10_000;
    private StoredRecord[] _chain = [];
    private ChainVerifier _verifier = null!;
    private long _projected;

    /// <summary>Whether every stored event is validated against the contract again.</summary>
    [Params(false, true)]
    public bool RevalidateContract { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _verifier = new ChainVerifier(new AuditEventValidator(), new ChainVerifierOptions { RevalidateContract = RevalidateContract });
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

    [Benchmark(OperationsPerInvoke = Records, Description = "verify one record (canonical form, hash, link, attributes)")]
    public async Task<long> VerifyChain()
    {
        var result = await _verifier.VerifyAsync("chain-1", Stream(_chain), [new ChainCommitment(_chain[^1].KeySeq, _chain[^1].Record.Hash, "the benchmark")]);
        return result.RecordsChecked;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "verify one record and make its projection")]
    public async Task<long> VerifyChainWithProjections()
    {
        var result = await _verifier.VerifyAsync(
            "chain-1",
            Stream(_chain),
            [new ChainCommitment(_chain[^1].KeySeq, _chain[^1].Record.Hash, "the benchmark")],
            (_, projection) => _projected += projection.Seed.ResponseRecordIds.Count);
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

    private sealed class Throughput : ManualConfig
    {
        public Throughput() => AddColumn(new RecordsPerSecondColumn());
    }
}
