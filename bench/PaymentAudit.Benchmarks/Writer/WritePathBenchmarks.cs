using System.Text;
using BenchmarkDotNet.Attributes;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// The writer's CPU work per event, without I/O: validate the JSON, link it (canonical body and
/// SHA-256 hash) and marshal the DynamoDB items (record, guard, payment-record index items).
/// </summary>
[MemoryDiagnoser]
public class WritePathBenchmarks
{
    private readonly AuditEventValidator _validator = new();
    private string _payload = string.Empty;

    /// <summary>Size of the event in bytes, printed for context.</summary>
    public int PayloadBytes => Encoding.UTF8.GetByteCount(_payload);

    [GlobalSetup]
    public void Setup()
    {
        _payload = Some.Json(Some.TypicalEvent(42));
        Console.WriteLine($"// typical event: {PayloadBytes} bytes");
    }

    [Benchmark(Description = "validate + canonicalize + hash + marshal one event")]
    public int WriteOneEvent()
    {
        var entry = ChainEntry.FromMessage("message-1", _payload, _validator);
        var linked = ChainLinker.Link("chain-1", ChainHead.Genesis, [entry], "2026-11-23T10:00:00.0000000Z")[0];
        var items = AuditItemMapper.ToRecordItem(linked.Record).Count + AuditItemMapper.ToGuardItem(linked).Count;
        var shared = new ReferenceAttributes(linked.Record);
        foreach (var reference in linked.References)
        {
            items += AuditItemMapper.ToReferenceItem(shared, reference).Count;
        }

        return items;
    }

    [Benchmark(Description = "validate only")]
    public bool ValidateOnly() => _validator.Validate(_payload).IsValid;
}
