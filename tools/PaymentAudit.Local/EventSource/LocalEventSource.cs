using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Writer.Sqs;

namespace PaymentAudit.Local.EventSource;

/// <summary>
/// Drives a Lambda SQS handler from a FIFO queue the way Lambda's event source mapping does with
/// <c>ReportBatchItemFailures</c>: receive up to 10 messages with their system attributes and a
/// visibility timeout, invoke the function with the SQS event JSON under an invocation timeout,
/// delete only the messages not listed in <c>batchItemFailures</c>, and let the failed ones be
/// received again; after the queue's maxReceiveCount SQS itself moves them to the dead-letter queue.
/// An invocation that throws, times out, or answers with an unreadable response or an id not in
/// the batch, fails the whole batch, as on Lambda.
/// </summary>
/// <remarks>
/// The visibility timeout is at least six times the invocation timeout (see
/// <see cref="EventSourceOptions"/>), so a batch is never received again while it is being handled,
/// however slow the machine. Where Lambda leaves a failed message hidden until its visibility timeout
/// ends, this source shortens that to <see cref="EventSourceOptions.RetryDelay"/>
/// (ChangeMessageVisibility), so retries take seconds. A timed-out invocation is cancelled and its
/// batch retried once it has stopped; one that ignores the cancellation is abandoned and its batch
/// reappears only when the visibility timeout ends, never while it may still write.
/// </remarks>
public sealed class LocalEventSource
{
    private static readonly List<string> SystemAttributes =
    [
        MessageSystemAttributeName.MessageGroupId,
        MessageSystemAttributeName.ApproximateReceiveCount,
        MessageSystemAttributeName.SequenceNumber,
        MessageSystemAttributeName.MessageDeduplicationId,
        MessageSystemAttributeName.SentTimestamp,
        MessageSystemAttributeName.ApproximateFirstReceiveTimestamp,
        MessageSystemAttributeName.SenderId,
    ];

    private readonly IAmazonSQS _sqs;
    private readonly EventSourceOptions _options;
    private readonly Func<Stream, CancellationToken, Task<Stream>> _function;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Task, bool> _abandoned = new();
    private long _invocations;
    private long _received;
    private long _redelivered;
    private long _completed;
    private long _reportedFailures;
    private long _failedInvocations;
    private long _receiveErrors;
    private long _deleteErrors;
    private long _timedOut;
    private long _abandonedTotal;
    private long _visibilityErrors;
    private int _inFlight;

    /// <summary>Creates an event source feeding <paramref name="function"/> (a Lambda <c>Stream -> Stream</c> handler).</summary>
    /// <param name="sqs">Client of the queue.</param>
    /// <param name="options">Queue, batching and timeouts.</param>
    /// <param name="function">The handler; it gets a token that is cancelled when the invocation times out.</param>
    /// <param name="time">Clock of the invocation timeout; the system clock by default.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public LocalEventSource(IAmazonSQS sqs, EventSourceOptions options, Func<Stream, CancellationToken, Task<Stream>> function, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(function);
        options.Validate();
        _sqs = sqs;
        _options = options;
        _function = function;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The options it runs with.</summary>
    public EventSourceOptions Options => _options;

    /// <summary>The counters now.</summary>
    public EventSourceSnapshot Snapshot() => new(
        Interlocked.Read(ref _invocations),
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _redelivered),
        Interlocked.Read(ref _completed),
        Interlocked.Read(ref _reportedFailures),
        Interlocked.Read(ref _failedInvocations),
        Interlocked.Read(ref _receiveErrors),
        Interlocked.Read(ref _deleteErrors),
        Volatile.Read(ref _inFlight),
        Interlocked.Read(ref _timedOut),
        Interlocked.Read(ref _abandonedTotal),
        Interlocked.Read(ref _visibilityErrors));

    /// <summary>
    /// Polls until <paramref name="stoppingToken"/> is cancelled. A receive under way when stopping
    /// is completed, and a batch already received is still handled and settled, as Lambda lets a
    /// running invocation finish. Abandoned invocations get one more invocation timeout to end.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var queueArn = await QueueArnAsync(stoppingToken);
        var loops = Enumerable.Range(0, _options.Receivers).Select(_ => Task.Run(() => ReceiveLoopAsync(queueArn, stoppingToken), CancellationToken.None));
        await Task.WhenAll(loops);
        try
        {
            await Task.WhenAll(_abandoned.Keys).WaitAsync(_options.InvocationTimeout, _time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // They ignore cancellation; their batches reappear when the visibility timeout ends.
        }
    }

    private async Task ReceiveLoopAsync(string queueArn, CancellationToken stoppingToken)
    {
        var request = new ReceiveMessageRequest
        {
            QueueUrl = _options.QueueUrl,
            MaxNumberOfMessages = _options.BatchSize,
            VisibilityTimeout = (int)_options.VisibilityTimeout.TotalSeconds,
            WaitTimeSeconds = _options.WaitTimeSeconds,
            MessageSystemAttributeNames = SystemAttributes,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            List<Message>? messages;
            try
            {
                // Not cut short when stopping: a receive cancelled mid-way may already have taken
                // messages, which would then stay hidden for the whole visibility timeout (minutes).
                // A long poll ends within WaitTimeSeconds anyway.
                messages = (await _sqs.ReceiveMessageAsync(request, CancellationToken.None)).Messages;
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
            {
                Interlocked.Increment(ref _receiveErrors);
                await PauseAsync(stoppingToken);
                continue;
            }

            if (messages is not { Count: > 0 })
            {
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            try
            {
                await InvokeAndSettleAsync(messages, queueArn);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task InvokeAndSettleAsync(List<Message> messages, string queueArn)
    {
        Interlocked.Add(ref _received, messages.Count);
        Interlocked.Add(ref _redelivered, messages.Count(IsRedelivery));
        Interlocked.Increment(ref _invocations);

        // The invocation and the settling run to the end even when stopping: Lambda does not cut a
        // running invocation short, and a half-settled batch would only cost redeliveries.
        var invocation = await InvokeAsync(messages, queueArn);
        switch (invocation.Outcome)
        {
            case InvocationOutcome.Answered:
                var failed = invocation.FailedIds!;
                Interlocked.Add(ref _reportedFailures, failed.Count);
                await DeleteAsync(messages.Where(m => !failed.Contains(m.MessageId)).ToList());
                await RetrySoonAsync(messages.Where(m => failed.Contains(m.MessageId)).ToList());
                break;
            case InvocationOutcome.Failed:
                Interlocked.Increment(ref _failedInvocations);
                await RetrySoonAsync(messages);
                break;
            case InvocationOutcome.TimedOutAndStopped:
                Interlocked.Increment(ref _timedOut);
                await RetrySoonAsync(messages);
                break;
            case InvocationOutcome.TimedOutAndStillRunning:
                // Left hidden: the batch reappears when its visibility timeout ends, as on Lambda.
                Interlocked.Increment(ref _timedOut);
                Interlocked.Increment(ref _abandonedTotal);
                break;
        }
    }

    private async Task DeleteAsync(List<Message> completed)
    {
        if (completed.Count == 0)
        {
            return;
        }

        try
        {
            var response = await _sqs.DeleteMessageBatchAsync(
                new DeleteMessageBatchRequest
                {
                    QueueUrl = _options.QueueUrl,
                    Entries = completed.Select((m, i) => new DeleteMessageBatchRequestEntry
                    {
                        Id = i.ToString(CultureInfo.InvariantCulture),
                        ReceiptHandle = m.ReceiptHandle,
                    }).ToList(),
                },
                CancellationToken.None);
            var deleteFailures = response.Failed?.Count ?? 0;
            Interlocked.Add(ref _deleteErrors, deleteFailures);
            Interlocked.Add(ref _completed, completed.Count - deleteFailures);
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            Interlocked.Add(ref _deleteErrors, completed.Count);
        }
    }

    /// <summary>Makes failed messages visible again after the retry delay instead of the whole visibility timeout.</summary>
    private async Task RetrySoonAsync(List<Message> failed)
    {
        if (failed.Count == 0)
        {
            return;
        }

        try
        {
            var response = await _sqs.ChangeMessageVisibilityBatchAsync(
                new ChangeMessageVisibilityBatchRequest
                {
                    QueueUrl = _options.QueueUrl,
                    Entries = failed.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry
                    {
                        Id = i.ToString(CultureInfo.InvariantCulture),
                        ReceiptHandle = m.ReceiptHandle,
                        VisibilityTimeout = (int)_options.RetryDelay.TotalSeconds,
                    }).ToList(),
                },
                CancellationToken.None);
            Interlocked.Add(ref _visibilityErrors, response.Failed?.Count ?? 0);
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Still safe: they reappear when their visibility timeout ends.
            Interlocked.Add(ref _visibilityErrors, failed.Count);
        }
    }

    /// <summary>Invokes the function under the invocation timeout.</summary>
    private async Task<Invocation> InvokeAsync(List<Message> messages, string queueArn)
    {
        var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => CallFunctionAsync(messages, queueArn, cancellation.Token), CancellationToken.None);
        try
        {
            var failed = await run.WaitAsync(_options.InvocationTimeout, _time);
            cancellation.Dispose();
            return failed is null ? new Invocation(InvocationOutcome.Failed, null) : new Invocation(InvocationOutcome.Answered, failed);
        }
        catch (TimeoutException)
        {
            await cancellation.CancelAsync();
        }

        try
        {
            // Give it as long again to notice the cancellation; still well inside the visibility timeout.
            await run.WaitAsync(_options.InvocationTimeout, _time);
            cancellation.Dispose();
            return new Invocation(InvocationOutcome.TimedOutAndStopped, null);
        }
        catch (TimeoutException)
        {
            _abandoned.TryAdd(run, true);
            _ = run.ContinueWith(
                finished =>
                {
                    _abandoned.TryRemove(finished, out _);
                    cancellation.Dispose();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return new Invocation(InvocationOutcome.TimedOutAndStillRunning, null);
        }
    }

    /// <summary>Calls the function; returns the ids it reported failed, or null when the whole batch failed.</summary>
    private async Task<HashSet<string>?> CallFunctionAsync(List<Message> messages, string queueArn, CancellationToken cancellationToken)
    {
        try
        {
            using var input = LambdaSqsEvent.Write(messages, queueArn, Amazon.RegionEndpoint.USEast1.SystemName);
            await using var output = await _function(input, cancellationToken);
            var response = await JsonSerializer.DeserializeAsync(output, SqsJsonContext.Default.SqsBatchResponse, cancellationToken);
            var ids = messages.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var failure in response?.BatchItemFailures ?? [])
            {
                if (failure?.ItemIdentifier is not { } id || !ids.Contains(id))
                {
                    // Lambda treats an empty or unknown identifier as a failure of the whole batch.
                    return null;
                }

                failed.Add(id);
            }

            return failed;
        }
#pragma warning disable CA1031 // Like Lambda, any fault of the function fails its batch; the messages come back.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static bool IsRedelivery(Message message) =>
        message.Attributes?.GetValueOrDefault(MessageSystemAttributeName.ApproximateReceiveCount) is { } count
        && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n > 1;

    private async Task<string> QueueArnAsync(CancellationToken cancellationToken)
    {
        var response = await _sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = _options.QueueUrl, AttributeNames = [QueueAttributeName.QueueArn] }, cancellationToken);
        return response.Attributes?.GetValueOrDefault(QueueAttributeName.QueueArn)
            ?? throw new InvalidOperationException($"The queue '{_options.QueueUrl}' reported no {QueueAttributeName.QueueArn}.");
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_options.ReceiveErrorBackoff, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private enum InvocationOutcome
    {
        Answered,
        Failed,
        TimedOutAndStopped,
        TimedOutAndStillRunning,
    }

    private sealed record Invocation(InvocationOutcome Outcome, HashSet<string>? FailedIds);
}
