using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PaymentAudit.Client.Tests.Support;

/// <summary>Collects the measurements of one meter instance (so parallel tests do not see each other's).</summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MeterRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
        _listener.Start();
    }

    public long Sum(string instrument) => _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    public IReadOnlyList<long> Values(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];

    public IReadOnlyList<object?> TagValues(string instrument, string tag) =>
        [.. _measurements.Where(m => m.Instrument == instrument).SelectMany(m => m.Tags).Where(t => t.Key == tag).Select(t => t.Value)];

    public void Dispose() => _listener.Dispose();
}
