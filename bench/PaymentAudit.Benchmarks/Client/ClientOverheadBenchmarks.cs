using BenchmarkDotNet.Attributes;
using PaymentAudit.Client;
using PaymentAudit.Core.Contract;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Client;

/// <summary>
/// What the client library costs per recorded event, with the SQS call excluded (an in-process
/// client that accepts at once): id check, serialization with the source-generated context,
/// validation, grouping, buffering, batching and completing the caller.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private const int ConcurrentEvents = 100;
    private readonly Task<string>[] _recorded = new Task<string>[ConcurrentEvents];
    private AuditEvent[] _events = [];
    private IAuditTrail _trail = null!;

    /// <summary>Small: a record-viewed event (~400 bytes of JSON). Typical: a query of six records (~1 KB).</summary>
    [Params("small", "typical")]
    public string Shape { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        var factory = new AuditEventFactory();
        _events = [.. Enumerable.Range(0, ConcurrentEvents).Select(i => Shape == "small"
            ? factory.RecordViewed(new Actor($"user-{i % 50:D3}", ActorTypes.User), new Origin("backoffice-web", "10.1.2.3", $"req-{i}"), $"pay-{i:D6}")
            : Some.TypicalEvent(i))];
        _trail = AuditTrail.Create(new ImmediateSqsClient(), new AuditTrailOptions
        {
            QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/payment-audit-bench.fifo",
            BatchWindow = TimeSpan.Zero,
            GroupStrategy = MessageGroupStrategy.HashOfActor(64),
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _trail.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>100 callers at once, as a busy service records: the cost per event.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentEvents)]
    public async Task RecordConcurrently()
    {
        for (var i = 0; i < ConcurrentEvents; i++)
        {
            _recorded[i] = _trail.RecordAsync(_events[i]);
        }

        await Task.WhenAll(_recorded);
    }

    /// <summary>One caller awaiting each event: includes the hand-off to the dispatcher and back.</summary>
    [Benchmark]
    public Task<string> RecordOneAtATime() => _trail.RecordAsync(_events[0]);
}
