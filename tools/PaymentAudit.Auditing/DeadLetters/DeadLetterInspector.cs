using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Auditing.DeadLetters;

/// <summary>
/// Reads the dead-letter queue without consuming it, and moves its messages back to the audit queue.
/// Listing receives with a short visibility and makes each message visible again at once; moving uses
/// SQS's own redrive (<c>StartMessageMoveTask</c>) where the queue service offers it, else receives,
/// sends with the same group and deduplication ids, and deletes.
/// </summary>
public sealed class DeadLetterInspector
{
    private static readonly TimeSpan MoveTaskPollInterval = TimeSpan.FromSeconds(2);

    private static readonly List<string> SystemAttributes =
    [
        MessageSystemAttributeName.MessageGroupId,
        MessageSystemAttributeName.MessageDeduplicationId,
        MessageSystemAttributeName.ApproximateReceiveCount,
        MessageSystemAttributeName.ApproximateFirstReceiveTimestamp,
        MessageSystemAttributeName.SentTimestamp,
    ];

    private readonly IAmazonSQS _sqs;
    private readonly string _deadLetterQueueUrl;
    private readonly AuditEventValidator _validator;

    /// <summary>Creates an inspector of <paramref name="deadLetterQueueUrl"/>.</summary>
    public DeadLetterInspector(IAmazonSQS sqs, string deadLetterQueueUrl, AuditEventValidator validator)
    {
        _sqs = sqs;
        _deadLetterQueueUrl = deadLetterQueueUrl;
        _validator = validator;
    }

    /// <summary>Lists up to <paramref name="max"/> dead-lettered messages, leaving them in the queue.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, DeadLetter>(StringComparer.Ordinal);
        var quietRounds = 0;
        while (seen.Count < max && quietRounds < 3)
        {
            var messages = await ReceiveAsync(visibilitySeconds: 30, cancellationToken);
            var fresh = 0;
            foreach (var message in messages)
            {
                if (seen.TryAdd(message.MessageId, Describe(message)))
                {
                    fresh++;
                }
            }

            // Visible again at once: listing must not hide the messages from anyone else.
            await ReleaseAsync(messages, cancellationToken);
            quietRounds = fresh == 0 ? quietRounds + 1 : 0;
        }

        return [.. seen.Values.Take(max)];
    }

    /// <summary>Moves every dead-lettered message back to <paramref name="queueUrl"/>; reports the count moved so far.</summary>
    public async Task<long> RedriveAsync(string queueUrl, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (await TryStartMoveTaskAsync(queueUrl, progress, cancellationToken) is { } moved)
        {
            return moved;
        }

        long count = 0;
        while (true)
        {
            var messages = await ReceiveAsync(visibilitySeconds: 60, cancellationToken);
            if (messages.Count == 0)
            {
                return count;
            }

            foreach (var message in messages)
            {
                var attributes = message.Attributes ?? [];
                await _sqs.SendMessageAsync(
                    new SendMessageRequest
                    {
                        QueueUrl = queueUrl,
                        MessageBody = message.Body,
                        MessageGroupId = attributes.GetValueOrDefault(MessageSystemAttributeName.MessageGroupId),
                        MessageDeduplicationId = attributes.GetValueOrDefault(MessageSystemAttributeName.MessageDeduplicationId),
                    },
                    cancellationToken);

                // Deleted only once the copy is on the audit queue: a crash in between leaves a duplicate, never a loss.
                await _sqs.DeleteMessageAsync(_deadLetterQueueUrl, message.ReceiptHandle, cancellationToken);
                progress?.Report(++count);
            }
        }
    }

    private async Task<long?> TryStartMoveTaskAsync(string queueUrl, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var source = await ArnAsync(_deadLetterQueueUrl, cancellationToken);
        var destination = await ArnAsync(queueUrl, cancellationToken);
        string handle;
        try
        {
            handle = (await _sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = source, DestinationArn = destination }, cancellationToken)).TaskHandle;
        }
        catch (AmazonServiceException ex) when (IsUnsupported(ex))
        {
            // The queue service (an emulator) has no move task: fall back to receive, send, delete.
            return null;
        }

        // The task runs in the background: follow it until it ends, reporting what it has moved.
        while (true)
        {
            var tasks = await _sqs.ListMessageMoveTasksAsync(new ListMessageMoveTasksRequest { SourceArn = source, MaxResults = 10 }, cancellationToken);
            var task = tasks.Results?.FirstOrDefault(t => t.TaskHandle == handle) ?? tasks.Results?.FirstOrDefault();
            var moved = task?.ApproximateNumberOfMessagesMoved ?? 0;
            progress?.Report(moved);
            switch (task?.Status)
            {
                case "COMPLETED":
                    return moved;
                case "FAILED":
                    throw new InvalidOperationException($"SQS's move task stopped after {moved} messages: {task.FailureReason}");
                case "CANCELLED":
                    throw new InvalidOperationException($"SQS's move task was cancelled after {moved} messages.");
                default:
                    await Task.Delay(MoveTaskPollInterval, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>True when the service does not offer move tasks (only emulators), never for a refusal such as access denied.</summary>
    private static bool IsUnsupported(AmazonServiceException ex) =>
        ex.StatusCode == System.Net.HttpStatusCode.NotImplemented
        || ex.ErrorCode is "UnsupportedOperation" or "AWS.SimpleQueueService.UnsupportedOperation" or "InvalidAction" or "UnknownOperationException" or "UnknownOperation";

    private async Task<string> ArnAsync(string queueUrl, CancellationToken cancellationToken)
    {
        var response = await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [QueueAttributeName.QueueArn] }, cancellationToken);
        return response.Attributes?.GetValueOrDefault(QueueAttributeName.QueueArn) ?? throw new InvalidOperationException($"The queue '{queueUrl}' reported no ARN.");
    }

    private async Task<List<Message>> ReceiveAsync(int visibilitySeconds, CancellationToken cancellationToken)
    {
        var response = await _sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = _deadLetterQueueUrl,
                MaxNumberOfMessages = 10,
                VisibilityTimeout = visibilitySeconds,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = SystemAttributes,
            },
            cancellationToken);
        return response.Messages ?? [];
    }

    private async Task ReleaseAsync(List<Message> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await _sqs.ChangeMessageVisibilityAsync(_deadLetterQueueUrl, message.ReceiptHandle, 0, cancellationToken);
        }
    }

    private DeadLetter Describe(Message message)
    {
        var attributes = message.Attributes ?? [];
        var verdict = _validator.Validate(message.Body ?? string.Empty);
        return new DeadLetter(
            message.MessageId,
            ChainIds.FromGroupId(attributes.GetValueOrDefault(MessageSystemAttributeName.MessageGroupId) ?? string.Empty),
            int.TryParse(attributes.GetValueOrDefault(MessageSystemAttributeName.ApproximateReceiveCount), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0,
            Epoch(attributes.GetValueOrDefault(MessageSystemAttributeName.ApproximateFirstReceiveTimestamp)),
            Epoch(attributes.GetValueOrDefault(MessageSystemAttributeName.SentTimestamp)),
            verdict.IsValid ? "valid" : verdict.Rejection.CodeName,
            verdict.IsValid ? null : verdict.Rejection.Reason);
    }

    private static string? Epoch(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : null;
}
