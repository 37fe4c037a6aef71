using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client;

/// <summary>
/// Records audit events on the PaymentAudit queue. Recording completes only when SQS has accepted
/// the event; every failure reaches the caller as an exception (an audit event is never dropped
/// silently). Safe to use from many threads at once: concurrent calls are coalesced into batches.
/// </summary>
/// <remarks>
/// Ordering: events of one message group reach the queue in the order their <see cref="RecordAsync"/>
/// calls entered the buffer, also when an entry fails and is retried (see
/// <see cref="AuditTrailOptions"/> for the exact rule). Disposing waits for buffered events to be
/// accepted, up to <see cref="AuditTrailOptions.ShutdownTimeout"/>; an instance obtained from
/// dependency injection is disposed by the container, not by its users.
/// </remarks>
public interface IAuditTrail : IAsyncDisposable
{
    /// <summary>
    /// Validates <paramref name="auditEvent"/>, buffers it (waiting while the buffer is full) and
    /// completes when SQS has accepted it.
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
    /// <exception cref="AuditEventRejectedException">The event breaks the contract; nothing was sent.</exception>
    /// <exception cref="AuditDeliveryException">SQS did not accept the event (retries exhausted or a permanent error).</exception>
    /// <exception cref="ObjectDisposedException">The trail is disposed.</exception>
    Task<string> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}
