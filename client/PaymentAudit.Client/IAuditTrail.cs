using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client;

/// <summary>
/// Records audit events on the PaymentAudit queue. Recording completes only when SQS has accepted
/// the event; every failure reaches the caller as an exception (an audit event is never dropped
/// silently). Safe to use from many threads at once: concurrent calls are coalesced into batches.
/// </summary>
/// <remarks>
/// <para>
/// Ordering: events of one message group are accepted by SQS in the order their
/// <see cref="RecordAsync"/> calls were made (calls racing on different threads have no order
/// between them). This holds when an entry fails: a batch carries at most one event per group and
/// a group has at most one event in flight or backing off, so a failed event is retried before any
/// later event of its group is sent, and nothing overtakes it. If it fails for good, its caller
/// gets the exception and the group continues with the next event. Other groups never wait for it.
/// </para>
/// <para>
/// Disposing waits for buffered events to be accepted, up to
/// <see cref="AuditTrailOptions.ShutdownTimeout"/>; an instance obtained from dependency injection
/// is disposed by the container, not by its users.
/// </para>
/// </remarks>
public interface IAuditTrail : IAsyncDisposable
{
    /// <summary>
    /// Validates <paramref name="auditEvent"/>, buffers it (waiting while the buffer is full) and
    /// completes when SQS has accepted it. A card number in any field but the event id is masked
    /// before the event leaves the process (all digits but the last four become <c>*</c>); the
    /// event is sent, logged with the masked field paths and counted in
    /// <see cref="AuditTrailMetrics.EventsRedacted"/>.
    /// </summary>
    /// <param name="auditEvent">
    /// The event. When <see cref="AuditEvent.EventId"/> is empty a time-ordered id (UUIDv7) is
    /// generated; the id is the queue's deduplication id, so recording the same id twice within
    /// SQS's five-minute deduplication window stores it once.
    /// </param>
    /// <param name="cancellationToken">
    /// Stops waiting. Cancelled while waiting for buffer space, the event is not sent; cancelled
    /// later, the event may still be accepted (the deduplication id makes a retry by the caller safe).
    /// </param>
    /// <returns>The event id under which SQS accepted the event.</returns>
    /// <exception cref="AuditEventRejectedException">The event breaks the contract (or carries a card number in its id); nothing was sent.</exception>
    /// <exception cref="AuditDeliveryException">SQS did not accept the event (retries exhausted or a permanent error).</exception>
    /// <exception cref="ObjectDisposedException">The trail is disposed.</exception>
    Task<string> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}
