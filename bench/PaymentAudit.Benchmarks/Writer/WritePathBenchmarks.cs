using System.Text;
using BenchmarkDotNet.Attributes;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// The writer's CPU work per event, without I/O: validate the JSON, link it (canonical body, content
/// hash and SHA-256 record hash) and marshal the DynamoDB item (one per record).
/// </summary>
[MemoryDiagnoser]
public class WritePathBenchmarks
{
    private readonly AuditEventValidator _validator = new();
    private string _payload = string.Empty;
    private ChainEntry _entry = null!;
    private LinkedEntry _linked = null!;

    /// <summary>Size of the event in bytes, printed for context.</summary>
    public int PayloadBytes => Encoding.UTF8.GetByteCount(_payload);

    [GlobalSetup]
    public void Setup()
    {
        _payload = Some.Json(Some.TypicalEvent(42));
        Console.WriteLine($"// typical event: {PayloadBytes} bytes");
        _entry = ChainEntry.FromMessage("message-1", _payload, _validator);
        _linked = Link(_entry);
    }

    [Benchmark(Description = "validate + canonicalize + hash + marshal one event")]
    public int WriteOneEvent() => Marshal(Link(ChainEntry.FromMessage("message-1", _payload, _validator)));

    [Benchmark(Description = "step 1: validate (parse, check, card-number scan)")]
    public bool ValidateOnly() => _validator.Validate(_payload).IsValid;

    [Benchmark(Description = "step 2: link (canonical body, SHA-256, record)")]
    public LinkedEntry LinkOnly() => Link(_entry);

    [Benchmark(Description = "step 3: marshal the record item")]
    public int MarshalOnly() => Marshal(_linked);

    private static LinkedEntry Link(ChainEntry entry) =>
        ChainLinker.Link("chain-1", ChainHead.Genesis, entry, "2026-11-23T10:00:00.0000000Z");

    private static int Marshal(LinkedEntry linked) => AuditItemMapper.ToRecordItem(linked.Record).Count;
}
