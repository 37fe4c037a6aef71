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
/// visibility timeout, invoke the function with the SQS event JSON, delete only the messages not
/// listed in <c>batchItemFailures</c>, and leave the failed ones to reappear when their visibility
/// timeout ends; after the queue's maxReceiveCount SQS itself moves them to the dead-letter queue.
/// An invocation that throws, or answers with an unreadable response or an id not in the batch,
/// fails the whole batch, as on Lambda.
/// </summary>
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
    private long _invocations;
    private long _received;
    private long _redelivered;
    private long _completed;
    private long _reportedFailures;
    private long _failedInvocations;
    private long _receiveErrors;
    private long _deleteErrors;
    private int _inFlight;

    /// <summary>Creates an event source feeding <paramref name="function"/> (a Lambda <c>Stream -> Stream</c> handler).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public LocalEventSource(IAmazonSQS sqs, EventSourceOptions options, Func<Stream, CancellationToken, Task<Stream>> function)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(function);
        options.Validate();
        _sqs = sqs;
        _options = options;
        _function = function;
    }

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
        Volatile.Read(ref _inFlight));

    /// <summary>
    /// Polls until <paramref name="stoppingToken"/> is cancelled. A batch already received when
    /// stopping is still handled and settled, as Lambda lets a running invocation finish.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var queueArn = await QueueArnAsync(stoppingToken);
        var loops = Enumerable.Range(0, _options.Receivers).Select(_ => Task.Run(() => ReceiveLoopAsync(queueArn, stoppingToken), CancellationToken.None));
        await Task.WhenAll(loops);
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
                messages = (await _sqs.ReceiveMessageAsync(request, stoppingToken)).Messages;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException)
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

        // The invocation and the deletes run to the end even when stopping: Lambda does not cut a
        // running invocation short, and a half-settled batch would only cost redeliveries.
        var failed = await InvokeAsync(messages, queueArn);
        if (failed is null)
        {
            Interlocked.Increment(ref _failedInvocations);
            return;
        }

        Interlocked.Add(ref _reportedFailures, failed.Count);
        var completed = messages.Where(m => !failed.Contains(m.MessageId)).ToList();
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
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException)
        {
            Interlocked.Add(ref _deleteErrors, completed.Count);
        }
    }

    /// <summary>Invokes the function; returns the ids it reported failed, or null when the whole batch failed.</summary>
    private async Task<HashSet<string>?> InvokeAsync(List<Message> messages, string queueArn)
    {
        try
        {
            using var input = LambdaSqsEvent.Write(messages, queueArn, Amazon.RegionEndpoint.USEast1.SystemName);
            await using var output = await _function(input, CancellationToken.None);
            var response = await JsonSerializer.DeserializeAsync(output, SqsJsonContext.Default.SqsBatchResponse, CancellationToken.None);
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
}
