namespace PaymentAudit.Infra.HttpApi;

/// <summary>
/// The API Gateway mapping templates (VTL) of the HTTP ingestion API. Requests reach SQS through
/// its JSON protocol (<c>X-Amz-Target: AmazonSQS.SendMessage</c> or <c>SendMessageBatch</c>,
/// <c>Content-Type: application/x-amz-json-1.0</c>): its request and response shapes are the ones
/// the SQS API reference documents. The event travels as received: <c>$input.body</c> for one event,
/// each array element (<c>$input.json</c>, re-serialized by API Gateway) for a batch. Strings are
/// escaped with <c>$util.escapeJavaScript</c>, whose <c>\'</c> is not a JSON escape and is turned
/// back into <c>'</c>, as API Gateway's documentation prescribes.
/// </summary>
public static class SqsMappingTemplates
{
    /// <summary>The request header that names the message group (the chain); without it, the actor id does.</summary>
    public const string GroupHeader = "X-Audit-Group";

    /// <summary>Most events in one batch request: what one SendMessageBatch call takes.</summary>
    public const int MaxBatchEntries = 10;

    /// <summary>Seconds a caller is asked to wait after a throttled or unavailable queue.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Request template of <c>POST /v1/events</c> (one event, SendMessage).</summary>
    /// <param name="queueUrl">URL of the audit queue (a token at synthesis).</param>
    public static string SendMessageRequest(string queueUrl) =>
        Lines(
            GroupFromHeader,
            "#if($group == \"\")#set($group = \"$!input.path('$.actor.id')\")#end",
            "#set($body = $util.escapeJavaScript($input.body).replaceAll(\"\\\\'\", \"'\"))",
            "#set($groupId = $util.escapeJavaScript($group).replaceAll(\"\\\\'\", \"'\"))",
            "#set($eventId = $util.escapeJavaScript(\"$!input.path('$.eventId')\").replaceAll(\"\\\\'\", \"'\"))",
            $"{{\"QueueUrl\":\"{queueUrl}\",\"MessageBody\":\"$body\",\"MessageGroupId\":\"$groupId\",\"MessageDeduplicationId\":\"$eventId\"}}");

    /// <summary>Request template of <c>POST /v1/events/batch</c> (up to ten events, one SendMessageBatch, entry ids = array indexes).</summary>
    /// <param name="queueUrl">URL of the audit queue (a token at synthesis).</param>
    public static string SendMessageBatchRequest(string queueUrl) =>
        Lines(
            GroupFromHeader,
            $"{{\"QueueUrl\":\"{queueUrl}\",\"Entries\":[",
            "#foreach($event in $input.path('$'))",
            "#set($i = $foreach.index)",
            "#if($group == \"\")#set($entryGroup = \"$!event.actor.id\")#else#set($entryGroup = $group)#end",
            "#set($body = $util.escapeJavaScript($input.json(\"$[$i]\")).replaceAll(\"\\\\'\", \"'\"))",
            "#set($groupId = $util.escapeJavaScript($entryGroup).replaceAll(\"\\\\'\", \"'\"))",
            "#set($eventId = $util.escapeJavaScript(\"$!event.eventId\").replaceAll(\"\\\\'\", \"'\"))",
            "{\"Id\":\"$i\",\"MessageBody\":\"$body\",\"MessageGroupId\":\"$groupId\",\"MessageDeduplicationId\":\"$eventId\"}#if($foreach.hasNext),#end",
            "#end",
            "]}");

    /// <summary>Response template of an accepted event: SQS's SendMessage answer, 202.</summary>
    public static string SendMessageAccepted { get; } =
        Lines(
            "#set($r = $input.path('$'))",
            "{\"messageId\":\"$r.MessageId\",\"sequenceNumber\":\"$!r.SequenceNumber\"}");

    /// <summary>
    /// Response template of an answered batch, 202: the entries SQS accepted and those it failed,
    /// each by its index in the request. A failed entry is retryable unless SQS blames the sender.
    /// </summary>
    public static string SendMessageBatchAnswered { get; } =
        Lines(
            "#set($r = $input.path('$'))",
            "{\"accepted\":[#foreach($e in $r.Successful){\"index\":$e.Id,\"messageId\":\"$e.MessageId\"}#if($foreach.hasNext),#end#end],",
            "\"failed\":[#foreach($e in $r.Failed){\"index\":$e.Id,\"code\":\"$util.escapeJavaScript($e.Code)\",\"retryable\":#if($e.SenderFault)false#{else}true#end}#if($foreach.hasNext),#end#end]}");

    /// <summary>
    /// Response template of a 4xx from SQS: throttling becomes 503 with Retry-After (the caller
    /// should retry), anything else 400 <c>queue_refused</c> with SQS's error code. SQS's message is
    /// not echoed: it may quote the group id, which may quote the actor.
    /// </summary>
    public static string QueueRefused { get; } =
        Lines(
            "#set($type = \"$!input.path('$.__type')\")",
            "#set($code = $type.replaceAll('^.*[#]', ''))",
            "#if($code.contains('Throttl') || $code.contains('OverLimit'))",
            "#set($context.responseOverride.status = 503)",
            $"#set($context.responseOverride.header.Retry-After = '{RetryAfterSeconds}')",
            "{\"code\":\"queue_unavailable\",\"reason\":\"the audit queue is throttling requests (SQS $util.escapeJavaScript($code)); retry after the Retry-After seconds\"}",
            "#else",
            "{\"code\":\"queue_refused\",\"reason\":\"the audit queue refused the request (SQS $util.escapeJavaScript($code))\"}",
            "#end");

    /// <summary>Response template of a 5xx from SQS: 503 with Retry-After.</summary>
    public static string QueueUnavailable { get; } =
        "{\"code\":\"queue_unavailable\",\"reason\":\"the audit queue is unavailable; retry after the Retry-After seconds\"}";

    // The header wins; API Gateway searches path, query string, then headers for the name.
    private const string GroupFromHeader = "#set($group = \"$!input.params('" + GroupHeader + "')\")";

    private static string Lines(params string[] lines) => string.Join("\n", lines);
}
