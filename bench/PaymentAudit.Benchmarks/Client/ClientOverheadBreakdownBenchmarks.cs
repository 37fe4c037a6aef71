using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PaymentAudit.Client;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Client;

/// <summary>
/// The two steps of <see cref="ClientOverheadBenchmarks"/> that the client cannot skip, measured
/// alone: serializing the event (the message body) and validating it with the contract's validator.
/// The rest of the per-event cost is the client's own (grouping, buffering, batching, completion).
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBreakdownBenchmarks
{
    private readonly AuditEventValidator _validator = new();
    private AuditEvent _event = null!;
    private string _json = string.Empty;

    [Params("small", "typical")]
    public string Shape { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _event = Shape == "small"
            ? new AuditEventFactory().RecordViewed(new Actor("user-007", ActorTypes.User), new Origin("backoffice-web", "10.1.2.3", "req-1"), "pay-000001")
            : Some.TypicalEvent(1);
        _json = JsonSerializer.Serialize(_event, AuditEventJsonContext.Default.AuditEvent);
    }

    [Benchmark]
    public string Serialize() => JsonSerializer.Serialize(_event, AuditEventJsonContext.Default.AuditEvent);

    [Benchmark]
    public bool Validate() => _validator.Validate(_json).IsValid;

    /// <summary>What the client does: serialize, then check the event object (no parse).</summary>
    [Benchmark]
    public bool SerializeAndCheck() => _validator.TrySerialize(_event, out _, out _);
}
