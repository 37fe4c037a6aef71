namespace PaymentAudit.Local.EventSource;

/// <summary>The local event source's counters at one moment.</summary>
/// <param name="Invocations">Handler invocations (batches).</param>
/// <param name="Received">Messages received, counting every redelivery.</param>
/// <param name="Redelivered">Received messages whose receive count was above 1.</param>
/// <param name="Completed">Messages the handler completed and the poller deleted.</param>
/// <param name="ReportedFailures">Messages the handler listed in <c>batchItemFailures</c> (left to reappear).</param>
/// <param name="FailedInvocations">Invocations that threw or answered something unusable; their whole batch was retried.</param>
/// <param name="ReceiveErrors">Receive calls that failed.</param>
/// <param name="DeleteErrors">Completed messages whose delete failed (they reappear; the writer skips them as duplicates).</param>
/// <param name="InFlightBatches">Batches received and not yet settled.</param>
/// <param name="TimedOutInvocations">Invocations that ran past the invocation timeout and were cancelled; their whole batch was retried.</param>
/// <param name="AbandonedInvocations">Timed-out invocations that did not stop when cancelled; their batch reappears when its visibility timeout ends.</param>
/// <param name="VisibilityErrors">Failed messages whose visibility could not be shortened (they reappear when their visibility timeout ends).</param>
public sealed record EventSourceSnapshot(
    long Invocations,
    long Received,
    long Redelivered,
    long Completed,
    long ReportedFailures,
    long FailedInvocations,
    long ReceiveErrors,
    long DeleteErrors,
    int InFlightBatches,
    long TimedOutInvocations,
    long AbandonedInvocations,
    long VisibilityErrors);
