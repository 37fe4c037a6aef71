using System.Collections.Concurrent;

namespace PaymentAudit.Local.Demos;

/// <summary>What the demo put on the queue: the ids that must later be found in the audit table.</summary>
public sealed class SendLedger
{
    private readonly ConcurrentQueue<string> _eventIds = new();
    private readonly ConcurrentQueue<string> _rawMessageIds = new();
    private long _refused;
    private long _masked;
    private long _undelivered;

    /// <summary>Event ids SQS accepted through the client library (each must become an accepted record).</summary>
    public IReadOnlyCollection<string> EventIds => _eventIds;

    /// <summary>SQS message ids of raw messages (each must become a quarantined record).</summary>
    public IReadOnlyCollection<string> RawMessageIds => _rawMessageIds;

    /// <summary>Everything SQS accepted.</summary>
    public long Sent => _eventIds.Count + _rawMessageIds.Count;

    /// <summary>Events the client refused before sending (never on the queue).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Events the client sent with a card number masked.</summary>
    public long Masked => Interlocked.Read(ref _masked);

    /// <summary>Events SQS did not accept (the caller got an exception; not on the queue).</summary>
    public long Undelivered => Interlocked.Read(ref _undelivered);

    /// <summary>Records an event SQS accepted.</summary>
    public void EventSent(string eventId) => _eventIds.Enqueue(eventId);

    /// <summary>Records a raw message SQS accepted.</summary>
    public void RawSent(string messageId) => _rawMessageIds.Enqueue(messageId);

    /// <summary>Records an event the client sent with a card number masked (also call <see cref="EventSent"/>).</summary>
    public void EventMasked() => Interlocked.Increment(ref _masked);

    /// <summary>Records an event the client refused.</summary>
    public void EventRefused() => Interlocked.Increment(ref _refused);

    /// <summary>Records an event SQS did not accept.</summary>
    public void EventUndelivered() => Interlocked.Increment(ref _undelivered);
}
