using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Core.Topology;
using PaymentAudit.Core.Validation;
using PaymentAudit.Http.Responses;

namespace PaymentAudit.Http.Ingestion;

/// <summary>
/// Judges request bodies with the writer's validator and puts accepted events on the audit queue
/// the way the deployed API's SQS integration does: body as received, group id from the header or
/// the actor id (<see cref="MessageGroups"/>), deduplication id = event id. A batch is all or
/// nothing before SQS (one refused entry refuses the request) and entry by entry at SQS.
/// </summary>
internal sealed class EventIngestor
{
    private const int StatusCodes413 = 413;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;
    private readonly AuditEventValidator _validator;
    private readonly ValidationLimits _limits;

    public EventIngestor(IAmazonSQS sqs, HttpIngestionOptions options)
    {
        _sqs = sqs;
        _queueUrl = options.QueueUrl;
        _limits = options.Limits;
        _validator = new AuditEventValidator(options.Limits);
    }

    /// <summary>Largest single-event body read: the contract's limit (a larger one is oversize whatever it holds).</summary>
    public int MaxEventBytes => _limits.MaxEventBytes;

    /// <summary>Largest batch body read: ten events at the limit and room for the array around them.</summary>
    public int MaxBatchBodyBytes => (EventRoutes.MaxBatchEntries + 1) * _limits.MaxEventBytes;

    public static Answer Oversize(string reason) => new(StatusCodes413, new Problem("oversize", reason));

    public static Answer UnsupportedMediaType(string? contentType) =>
        new(415, new Problem(Problem.UnsupportedMediaType, $"the body must be application/json, not '{contentType}'"));

    public async Task<Answer> IngestOneAsync(byte[] body, string? groupHeader, CancellationToken cancellationToken)
    {
        if (Decode(body) is not { } payload)
        {
            return NotUtf8();
        }

        if (InvalidGroupHeader(groupHeader) is { } badHeader)
        {
            return badHeader;
        }

        var verdict = _validator.Validate(payload);
        if (!verdict.IsValid)
        {
            return Refused(verdict.Rejection, index: null);
        }

        using var document = JsonDocument.Parse(payload);
        var eventId = verdict.Event.EventId;
        try
        {
            var sent = await _sqs.SendMessageAsync(
                new SendMessageRequest
                {
                    QueueUrl = _queueUrl,
                    MessageBody = payload,
                    MessageGroupId = MessageGroups.Of(document.RootElement, groupHeader),
                    MessageDeduplicationId = eventId,
                },
                cancellationToken);
            return new Answer(202, new AcceptedEvent(eventId, sent.MessageId, sent.SequenceNumber));
        }
        catch (Exception e) when (IsQueueFailure(e, cancellationToken))
        {
            return QueueFailure(e);
        }
    }

    public async Task<Answer> IngestBatchAsync(byte[] body, string? groupHeader, CancellationToken cancellationToken)
    {
        if (Decode(body) is not { } payload)
        {
            return NotUtf8();
        }

        if (InvalidGroupHeader(groupHeader) is { } badHeader)
        {
            return badHeader;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            return new Answer(400, new Problem("not_json", $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > EventRoutes.MaxBatchEntries)
            {
                return new Answer(400, new Problem(
                    Problem.InvalidBatch,
                    $"the body must be a JSON array of 1 to {EventRoutes.MaxBatchEntries} events; it is {DescribeShape(root)}"));
            }

            var entries = new List<SendMessageBatchRequestEntry>();
            var eventIds = new List<string>();
            var totalBytes = 0L;
            foreach (var element in root.EnumerateArray())
            {
                var index = entries.Count;
                var raw = element.GetRawText();
                var verdict = _validator.Validate(raw);
                if (!verdict.IsValid)
                {
                    return Refused(verdict.Rejection, index);
                }

                totalBytes += Encoding.UTF8.GetByteCount(raw);
                eventIds.Add(verdict.Event.EventId);
                entries.Add(new SendMessageBatchRequestEntry
                {
                    Id = index.ToString(CultureInfo.InvariantCulture),
                    MessageBody = raw,
                    MessageGroupId = MessageGroups.Of(element, groupHeader),
                    MessageDeduplicationId = verdict.Event.EventId,
                });
            }

            // SQS's limit on the bodies of one batch, which is also the queue's message size limit.
            var batchLimit = AuditTopology.Queue.MaximumMessageSizeBytes;
            if (totalBytes > batchLimit)
            {
                return Oversize($"the batch's events add up to {totalBytes} bytes; SQS takes at most {batchLimit} bytes in one batch");
            }

            try
            {
                var sent = await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = _queueUrl, Entries = entries }, cancellationToken);
                var accepted = (sent.Successful ?? [])
                    .Select(s => (Index: int.Parse(s.Id, CultureInfo.InvariantCulture), s.MessageId))
                    .Select(s => new AcceptedEntry(s.Index, eventIds[s.Index], s.MessageId))
                    .OrderBy(e => e.Index)
                    .ToList();
                var failed = (sent.Failed ?? [])
                    .Select(f => (Index: int.Parse(f.Id, CultureInfo.InvariantCulture), Failure: f))
                    .Select(f => new FailedEntry(f.Index, eventIds[f.Index], f.Failure.Code, Retryable: f.Failure.SenderFault != true))
                    .OrderBy(e => e.Index)
                    .ToList();
                return new Answer(202, new BatchAnswer(accepted, failed));
            }
            catch (Exception e) when (IsQueueFailure(e, cancellationToken))
            {
                return QueueFailure(e);
            }
        }
    }

    private static string? Decode(byte[] body)
    {
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Answer NotUtf8() => new(400, new Problem("not_json", "the body is not valid UTF-8"));

    private static Answer Refused(Rejection rejection, int? index)
    {
        var reason = index is { } i ? $"event {i}: {rejection.Reason}" : rejection.Reason;
        return new Answer(rejection.Code == RejectionCode.Oversize ? StatusCodes413 : 400, new Problem(rejection.CodeName, reason, index));
    }

    // SQS would refuse the group id; the deployed API answers SQS's refusal the same way.
    private static Answer? InvalidGroupHeader(string? header) =>
        header is null || MessageGroups.IsValid(header)
            ? null
            : new Answer(400, new Problem(
                Problem.QueueRefused,
                $"the audit queue refused the request (SQS InvalidParameterValue): header '{EventRoutes.GroupHeader}' must be 1-{MessageGroups.MaxLength} printable ASCII characters without spaces"));

    private static bool IsQueueFailure(Exception e, CancellationToken cancellationToken) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static Answer QueueFailure(Exception e)
    {
        if (e is AmazonServiceException service && (int)service.StatusCode < 500 && service.StatusCode != HttpStatusCode.TooManyRequests && !IsThrottling(service.ErrorCode))
        {
            var code = string.IsNullOrEmpty(service.ErrorCode) ? $"Http{(int)service.StatusCode}" : service.ErrorCode;
            return new Answer(400, new Problem(Problem.QueueRefused, $"the audit queue refused the request (SQS {code})"));
        }

        var what = e is AmazonServiceException s ? $"SQS {s.ErrorCode}" : e.GetType().Name;
        return new Answer(503, new Problem(Problem.QueueUnavailable, $"the audit queue is throttling or unavailable ({what}); retry after the Retry-After seconds"), RetryLater: true);
    }

    private static bool IsThrottling(string? code) =>
        code is not null && (code.Contains("Throttl", StringComparison.OrdinalIgnoreCase) || code.Contains("OverLimit", StringComparison.OrdinalIgnoreCase)
            || code is "RequestLimitExceeded" or "ServiceUnavailable");

    private static string DescribeShape(JsonElement root) => root.ValueKind == JsonValueKind.Array
        ? $"an array of {root.GetArrayLength()}"
        : $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}";
}
