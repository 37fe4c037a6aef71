using System.Collections.Concurrent;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Events stored by the current batch, by event id. When one batch carries the same event id in
/// two message groups, the later occurrence is judged against this (the event index may not show
/// a record stored a moment ago).
/// </summary>
public sealed class BatchEventRegistry
{
    private readonly ConcurrentDictionary<string, DuplicateOf> _stored = new(StringComparer.Ordinal);

    /// <summary>Remembers an accepted record.</summary>
    public void Stored(string eventId, DuplicateOf location) => _stored.TryAdd(eventId, location);

    /// <summary>Where this batch stored <paramref name="eventId"/>, if it did.</summary>
    public DuplicateOf? Find(string eventId) => _stored.GetValueOrDefault(eventId);
}
