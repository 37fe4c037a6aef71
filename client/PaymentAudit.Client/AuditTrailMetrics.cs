namespace PaymentAudit.Client;

/// <summary>
/// Names of the <see cref="System.Diagnostics.Metrics"/> instruments the client publishes. No
/// instrument carries event content; tags are limited to error and rejection codes.
/// </summary>
public static class AuditTrailMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PaymentAudit.Client";

    /// <summary>Counter: events SQS accepted.</summary>
    public const string EventsAccepted = "paymentaudit.client.events.accepted";

    /// <summary>Counter: events refused before sending; tag <c>reason</c> = rejection code (e.g. <c>oversize</c>).</summary>
    public const string EventsRejected = "paymentaudit.client.events.rejected";

    /// <summary>
    /// Counter: events that carried a card number and were sent with its digits masked (all but the
    /// last four). Each one is also logged with its event id and the paths of the masked fields.
    /// </summary>
    public const string EventsRedacted = "paymentaudit.client.events.redacted";

    /// <summary>Counter: events whose delivery failed for good; tag <c>error</c> = error code.</summary>
    public const string EventsFailed = "paymentaudit.client.events.failed";

    /// <summary>Counter: entries sent again after a transient failure; tag <c>error</c> = error code.</summary>
    public const string EntriesRetried = "paymentaudit.client.entries.retried";

    /// <summary>Counter: <c>SendMessageBatch</c> calls made.</summary>
    public const string BatchesSent = "paymentaudit.client.batches.sent";

    /// <summary>Histogram: entries per <c>SendMessageBatch</c> call.</summary>
    public const string BatchEntries = "paymentaudit.client.batch.entries";

    /// <summary>Observable gauge: events buffered or in flight.</summary>
    public const string EventsBuffered = "paymentaudit.client.events.buffered";
}
