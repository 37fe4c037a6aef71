using System.Diagnostics.Metrics;

namespace PaymentAudit.Client.Internal;

/// <summary>The trail's instruments (see <see cref="AuditTrailMetrics"/>); counts and codes only, never event content.</summary>
internal sealed class ClientMetrics : IDisposable
{
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _redacted;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _batches;
    private readonly Histogram<int> _batchEntries;

    public ClientMetrics(Func<int> buffered)
    {
        Meter = new Meter(AuditTrailMetrics.MeterName);
        _accepted = Meter.CreateCounter<long>(AuditTrailMetrics.EventsAccepted, "{event}", "Events SQS accepted.");
        _rejected = Meter.CreateCounter<long>(AuditTrailMetrics.EventsRejected, "{event}", "Events refused before sending.");
        _redacted = Meter.CreateCounter<long>(AuditTrailMetrics.EventsRedacted, "{event}", "Events sent with a card number masked.");
        _failed = Meter.CreateCounter<long>(AuditTrailMetrics.EventsFailed, "{event}", "Events SQS did not accept after retries.");
        _retried = Meter.CreateCounter<long>(AuditTrailMetrics.EntriesRetried, "{entry}", "Entries sent again after a transient failure.");
        _batches = Meter.CreateCounter<long>(AuditTrailMetrics.BatchesSent, "{call}", "SendMessageBatch calls.");
        _batchEntries = Meter.CreateHistogram<int>(AuditTrailMetrics.BatchEntries, "{entry}", "Entries per SendMessageBatch call.");
        Meter.CreateObservableGauge(AuditTrailMetrics.EventsBuffered, buffered, "{event}", "Events buffered or in flight.");
    }

    /// <summary>This trail's meter; listeners can tell trails apart by it.</summary>
    public Meter Meter { get; }

    public void Accepted() => _accepted.Add(1);

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Redacted() => _redacted.Add(1);

    public void Failed(string error) => _failed.Add(1, new KeyValuePair<string, object?>("error", error));

    public void Retried(string error) => _retried.Add(1, new KeyValuePair<string, object?>("error", error));

    public void BatchSent(int entries)
    {
        _batches.Add(1);
        _batchEntries.Record(entries);
    }

    public void Dispose() => Meter.Dispose();
}
