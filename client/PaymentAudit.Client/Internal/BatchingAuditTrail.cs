using System.Diagnostics.Metrics;
using System.Text;
using System.Threading.Channels;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Topology;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Client.Internal;

/// <summary>
/// The audit trail: callers validate and buffer their event, one dispatcher loop turns the buffer
/// into <c>SendMessageBatch</c> calls and settles each caller with SQS's answer.
/// </summary>
/// <remarks>
/// Ordering rule (what each message group keeps): a batch holds at most one event per group, and a
/// group has at most one event in flight or backing off at a time. So an event is sent only after
/// every earlier event of its group was accepted or failed for good: a failed entry is retried
/// before anything later in its group, and nothing can overtake it. The price is one round trip
/// per event per group, so throughput scales with the number of groups that have events waiting.
/// All state below the "dispatcher state" line is touched by the dispatcher loop only.
/// </remarks>
internal sealed class BatchingAuditTrail : IAuditTrail, IDisposable
{
    /// <summary>How many groups the dispatcher tracks before it forgets the idle ones.</summary>
    internal const int IdleGroupsKept = 1_024;

    private static readonly object WindowElapsed = new();
    private static readonly object ShutdownRequested = new();
    private static readonly object ShutdownExpired = new();
    private static readonly object Wake = new();

    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;
    private readonly AuditTrailOptions _options;
    private readonly IMessageGroupStrategy _groupStrategy;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Random _jitter;
    private readonly int _maxBatchBytes;
    private readonly AuditEventValidator _validator = new();
    private readonly ClientMetrics _metrics;
    private readonly BoundedAdmission _admission;
    private readonly Channel<object> _inbox;
    private readonly CancellationTokenSource _stopSending = new();
    private readonly Task _dispatcher;
    private int _outstanding;
    private volatile bool _closing;
    private int _disposeStarted;

    // Dispatcher state.
    private readonly Dictionary<string, GroupQueue> _groups = new(StringComparer.Ordinal);
    private readonly Queue<GroupQueue> _ready = new();
    private readonly Stack<SendSlot> _freeSlots = new();
    private int _batchesInFlight;
    private bool _windowElapsed;
    private ITimer? _windowTimer;
    private ITimer? _shutdownTimer;
    private bool _shutdownExpired;

    public BatchingAuditTrail(IAmazonSQS sqs, AuditTrailOptions options, ILogger logger, TimeProvider timeProvider, Random? jitter = null, int? maxBatchBytes = null)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        AuditTrailOptionsValidator.ThrowIfInvalid(options);
        _sqs = sqs;
        _queueUrl = options.QueueUrl!;
        _options = options;
        _groupStrategy = options.GroupStrategy;
        _logger = logger;
        _timeProvider = timeProvider;
        _jitter = jitter ?? Random.Shared;
        _maxBatchBytes = maxBatchBytes ?? DefaultMaxBatchBytes;
        _metrics = new ClientMetrics(() => Volatile.Read(ref _outstanding));
        _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        _admission = new BoundedAdmission(options.BufferCapacity, entry => _inbox.Writer.TryWrite(entry));
        _dispatcher = Task.Run(DispatchLoopAsync);
    }

    /// <summary>
    /// Largest sum of message bodies in one batch: SQS's batch payload limit (256 KiB, the same as
    /// its per-message limit), which is also the queue's configured maximum message size. A valid
    /// event is at most about 14 KiB, so ten fit today; the check keeps batches legal if limits change.
    /// </summary>
    internal static int DefaultMaxBatchBytes => AuditTopology.Queue.MaximumMessageSizeBytes;

    /// <summary>The trail's meter, so tests and harnesses can listen to this trail only.</summary>
    internal Meter Meter => _metrics.Meter;

    /// <summary>Message groups the dispatcher tracks (read it only when the trail is quiet).</summary>
    internal int TrackedGroupCount => _groups.Count;

    /// <summary>Events buffered or in flight (waiting callers not counted).</summary>
    internal int BufferedCount => _admission.InUse;

    public Task<string> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (string.IsNullOrEmpty(auditEvent.EventId))
        {
            auditEvent = auditEvent with { EventId = Guid.CreateVersion7(_timeProvider.GetUtcNow()).ToString() };
        }

        // The writer's rules, checked on the event object: the same verdict as validating the body, without parsing it back.
        if (!_validator.TrySerialize(auditEvent, out var body, out var rejection, out var redactions))
        {
            var id = SafeId(auditEvent.EventId);
            _metrics.Rejected(rejection.CodeName);
            Log.EventRejected(_logger, id, rejection.CodeName);
            return Task.FromException<string>(new AuditEventRejectedException(id, rejection));
        }

        if (redactions.Count > 0)
        {
            // The body holds the card numbers masked, and so must everything else that leaves the
            // process: the group strategy sees the event as sent (the event id is never masked).
            auditEvent = _validator.Validate(body).Event
                ?? throw new InvalidOperationException("The masked event body did not validate; this is a bug in the card-number guard.");
            _metrics.Redacted();
            Log.EventRedacted(_logger, auditEvent.EventId, redactions.Count, string.Join(", ", redactions));
        }

        var groupId = _groupStrategy.GetMessageGroupId(auditEvent);
        if (!MessageGroupIds.IsValid(groupId))
        {
            return Task.FromException<string>(new InvalidOperationException(
                $"The message group strategy {_groupStrategy.GetType().Name} returned an invalid group id for event '{auditEvent.EventId}': "
                + "it must be 1-128 letters, digits or ASCII punctuation characters."));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string>(cancellationToken);
        }

        Interlocked.Increment(ref _outstanding);
        if (_closing)
        {
            ReleaseOutstanding();
            return Task.FromException<string>(new ObjectDisposedException(nameof(IAuditTrail), "The audit trail is disposed; the event was not recorded."));
        }

        var entry = new PendingEntry(auditEvent.EventId, body, Encoding.UTF8.GetByteCount(body), groupId);
        if (!_admission.Enter(entry))
        {
            return WaitForAdmissionAsync(entry, cancellationToken);
        }

        return cancellationToken.CanBeCanceled ? entry.Task.WaitAsync(cancellationToken) : entry.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 0)
        {
            _closing = true;
            _inbox.Writer.TryWrite(ShutdownRequested);
        }

        await _dispatcher.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The event id for logs and exceptions: a refused id may hold a card number, which must not be echoed.</summary>
    private static string SafeId(string? eventId) => string.IsNullOrEmpty(eventId) ? "(none)" : CardNumberDetector.Mask(eventId).Masked;

    private async Task<string> WaitForAdmissionAsync(PendingEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await entry.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Still in line: the event leaves the line unsent. Admitted meanwhile: it may still be accepted.
            if (_admission.TryWithdraw(entry))
            {
                entry.TrySetCanceled(cancellationToken);
                ReleaseOutstanding();
            }

            throw;
        }
    }

    private void ReleaseOutstanding()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0 && _closing)
        {
            _inbox.Writer.TryWrite(Wake);
        }
    }

    private async Task DispatchLoopAsync()
    {
        var reader = _inbox.Reader;
        while (true)
        {
            try
            {
                while (reader.TryRead(out var message))
                {
                    Handle(message);
                }

                Dispatch();
            }
            catch (Exception ex)
            {
                // A bug here must not leave callers waiting forever: fail what is held and carry on.
                FailHeldEntries(ex);
            }

            if (_closing && Volatile.Read(ref _outstanding) == 0)
            {
                break;
            }

            await reader.WaitToReadAsync().ConfigureAwait(false);
        }

        _windowTimer?.Dispose();
        _shutdownTimer?.Dispose();
        _stopSending.Dispose();
        _metrics.Dispose();
    }

    private void Handle(object message)
    {
        if (message is PendingEntry entry)
        {
            TakeIn(entry);
        }
        else if (message is SendSlot sent)
        {
            Settle(sent);
        }
        else if (message is GroupQueue[] retryDue)
        {
            foreach (var group in retryDue)
            {
                group.BackingOff = false;
                ListIfSendable(group);
            }
        }
        else if (ReferenceEquals(message, WindowElapsed))
        {
            _windowTimer?.Dispose();
            _windowTimer = null;
            _windowElapsed = true;
        }
        else if (ReferenceEquals(message, ShutdownRequested))
        {
            Log.ShuttingDown(_logger, Volatile.Read(ref _outstanding));
            _shutdownTimer = _timeProvider.CreateTimer(
                static s => ((BatchingAuditTrail)s!)._inbox.Writer.TryWrite(ShutdownExpired), this, _options.ShutdownTimeout, Timeout.InfiniteTimeSpan);
        }
        else if (ReferenceEquals(message, ShutdownExpired))
        {
            ExpireShutdown();
        }
    }

    private void TakeIn(PendingEntry entry)
    {
        if (_shutdownExpired)
        {
            Fail(entry, new EntryFailure("ShutdownTimeout", "the trail was disposed and its shutdown timeout ended before the event was sent", Retryable: false));
            return;
        }

        if (!_groups.TryGetValue(entry.GroupId, out var group))
        {
            group = new GroupQueue(entry.GroupId);
            _groups.Add(entry.GroupId, group);
        }

        entry.Group = group;
        group.Pending.Enqueue(entry);
        ListIfSendable(group);
    }

    private void ListIfSendable(GroupQueue group)
    {
        if (group.CanSend && !group.Listed)
        {
            group.Listed = true;
            _ready.Enqueue(group);
        }
        else if (group.Pending.Count == 0 && !group.InFlight && !group.BackingOff && _groups.Count > IdleGroupsKept)
        {
            // Idle groups are kept for reuse (the hashing strategies have at most 1,000), but a strategy
            // with many distinct ids must not grow the dictionary without bound.
            _groups.Remove(group.GroupId);
        }
    }

    private void Dispatch()
    {
        if (_shutdownExpired)
        {
            return;
        }

        while (_batchesInFlight < _options.MaxConcurrentBatches && _ready.Count > 0)
        {
            var waitForMore = _ready.Count < BatchEntryIds.MaxEntriesPerBatch
                && !_windowElapsed && !_closing && _options.BatchWindow > TimeSpan.Zero;
            if (waitForMore)
            {
                _windowTimer ??= _timeProvider.CreateTimer(
                    static s => ((BatchingAuditTrail)s!)._inbox.Writer.TryWrite(WindowElapsed), this, _options.BatchWindow, Timeout.InfiniteTimeSpan);
                return;
            }

            Send(TakeBatch());
        }

        if (_ready.Count == 0)
        {
            _windowElapsed = false;
        }
    }

    private SendSlot TakeBatch()
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : new SendSlot(_queueUrl);
        while (slot.Count < BatchEntryIds.MaxEntriesPerBatch && _ready.TryPeek(out var group))
        {
            var head = group.Pending.Peek();
            if (slot.Count > 0 && slot.Bytes + head.Bytes > _maxBatchBytes)
            {
                break;
            }

            _ready.Dequeue();
            group.Listed = false;
            group.InFlight = true;
            slot.Add(head);
        }

        Log.BatchSending(_logger, slot.Count, slot.Bytes);
        return slot;
    }

    private void Send(SendSlot slot)
    {
        _batchesInFlight++;
        _metrics.BatchSent(slot.Count);
        for (var i = 0; i < slot.Count; i++)
        {
            slot[i].Attempts++;
        }

        _ = SendAsync(slot);
    }

    private async Task SendAsync(SendSlot slot)
    {
        try
        {
            slot.Record(await _sqs.SendMessageBatchAsync(slot.Request, _stopSending.Token).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            slot.Record(ex, _shutdownExpired);
        }

        _inbox.Writer.TryWrite(slot);
    }

    private void Settle(SendSlot slot)
    {
        _batchesInFlight--;
        List<(GroupQueue Group, string Code)>? retry = null;
        var highestAttempt = 0;
        for (var i = 0; i < slot.Count; i++)
        {
            var entry = slot[i];
            var group = entry.Group!;
            group.InFlight = false;
            if (entry.Task.IsCompleted || !group.Pending.TryPeek(out var head) || !ReferenceEquals(head, entry))
            {
                // Already failed by a shutdown timeout or a dispatcher fault while the call was out.
                continue;
            }

            var failure = slot.FailureAt(i);
            if (failure is not null && failure.Retryable && entry.Attempts < _options.MaxAttempts && !_shutdownExpired)
            {
                // The head stays in its group and the group stays unlisted: nothing later in the group may go before it.
                group.BackingOff = true;
                (retry ??= []).Add((group, failure.Code));
                highestAttempt = Math.Max(highestAttempt, entry.Attempts);
                _metrics.Retried(failure.Code);
                continue;
            }

            group.Pending.Dequeue();
            if (failure is null)
            {
                Complete(entry);
            }
            else
            {
                Fail(entry, failure);
            }

            ListIfSendable(group);
        }

        slot.Clear();
        _freeSlots.Push(slot);
        if (retry is not null)
        {
            var delay = Backoff(highestAttempt);
            foreach (var (group, code) in retry)
            {
                var head = group.Pending.Peek();
                Log.EntryRetrying(_logger, head.EventId, group.GroupId, head.Attempts, code, (long)delay.TotalMilliseconds);
            }

            _ = RetryAfterAsync([.. retry.Select(r => r.Group)], delay);
        }
    }

    /// <summary>Exponential backoff from the base delay, capped, with the wait drawn between half and all of it.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (_jitter.NextDouble() * capped / 2));
    }

    private async Task RetryAfterAsync(GroupQueue[] groups, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, _stopSending.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown expired: the groups are settled by ExpireShutdown; the message below only clears their flags.
        }

        _inbox.Writer.TryWrite(groups);
    }

    private void Complete(PendingEntry entry)
    {
        _metrics.Accepted();
        entry.TrySetResult(entry.EventId);
        _admission.Leave();
        ReleaseOutstanding();
    }

    private void Fail(PendingEntry entry, EntryFailure failure)
    {
        _metrics.Failed(failure.Code);
        Log.EntryFailed(_logger, entry.EventId, entry.GroupId, entry.Attempts, failure.Code);
        entry.TrySetException(new AuditDeliveryException(entry.EventId, entry.Attempts, failure.Code, failure.Message, failure.Exception));
        _admission.Leave();
        ReleaseOutstanding();
    }

    private void ExpireShutdown()
    {
        _shutdownExpired = true;
        var expired = new EntryFailure("ShutdownTimeout", "the trail was disposed and its shutdown timeout ended before SQS accepted the event", Retryable: false);
        foreach (var group in _groups.Values)
        {
            // An entry in flight is settled by its batch's outcome; everything else fails now.
            var keep = group.InFlight ? group.Pending.Dequeue() : null;
            while (group.Pending.TryDequeue(out var entry))
            {
                Fail(entry, expired);
            }

            if (keep is not null)
            {
                group.Pending.Enqueue(keep);
            }

            group.BackingOff = false;
            group.Listed = false;
        }

        _ready.Clear();
        _stopSending.Cancel();
    }

    private void FailHeldEntries(Exception exception)
    {
        var fault = new EntryFailure("ClientFault", "the audit client's dispatcher failed; see the inner exception", Retryable: false, exception);
        var count = 0;
        foreach (var group in _groups.Values)
        {
            foreach (var entry in group.Pending)
            {
                if (!entry.Task.IsCompleted)
                {
                    count++;
                    Fail(entry, fault);
                }
            }
        }

        _groups.Clear();
        _ready.Clear();
        Log.DispatcherFault(_logger, exception, count);
    }
}
