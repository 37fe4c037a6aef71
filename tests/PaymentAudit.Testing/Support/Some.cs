using System.Globalization;
using System.Text.Json;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Testing.Support;

/// <summary>Builders of valid audit events and their JSON, with overridable parts.</summary>
public static class Some
{
    private static readonly DateTime BaseTime = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A "records queried" access event.</summary>
    public static AuditEvent AccessEvent(
        string? eventId = null,
        string actorId = "user-ana",
        int minute = 0,
        IReadOnlyList<string>? queried = null,
        IReadOnlyList<string>? returned = null,
        string result = OutcomeResults.Success) => new()
        {
            EventId = eventId ?? Guid.CreateVersion7().ToString(),
            EventType = AuditEventTypes.RecordsQueried,
            OccurredAt = Timestamp(minute),
            Actor = new Actor(actorId, ActorTypes.User),
            Origin = new Origin("backoffice-web", "10.20.30.40", $"req-{minute:D6}"),
            Query = new QueryDetails(queried ?? ["pay-1001", "pay-1002"], "refund review for merchant M-77"),
            Response = new ResponseDetails(returned ?? ["pay-1001"]),
            Outcome = new Outcome(result, result == OutcomeResults.Success ? null : "not permitted for this merchant"),
        };

    /// <summary>A "payment processed" event.</summary>
    public static AuditEvent PaymentEvent(string? eventId = null, string paymentId = "pay-2001", int minute = 0) => new()
    {
        EventId = eventId ?? Guid.CreateVersion7().ToString(),
        EventType = AuditEventTypes.PaymentProcessed,
        OccurredAt = Timestamp(minute),
        Actor = new Actor("svc-settlement", ActorTypes.Service),
        Origin = new Origin("settlement-worker", RequestId: $"job-{minute:D6}"),
        Outcome = new Outcome(OutcomeResults.Success),
        Payment = new PaymentDetails(paymentId, "129.90", "EUR"),
    };

    /// <summary>A typical access event of about 1 KB: a query description, six queried and six returned records.</summary>
    public static AuditEvent TypicalEvent(int index) => AccessEvent(
        eventId: $"evt-{index:D8}-{Guid.CreateVersion7():N}",
        actorId: $"user-{index % 50:D3}",
        minute: index,
        queried: Enumerable.Range(0, 6).Select(i => $"pay-{(index * 7 + i) % 100_000:D6}").ToList(),
        returned: Enumerable.Range(0, 6).Select(i => $"pay-{(index * 7 + i) % 100_000:D6}").ToList()) with
    {
        Origin = new Origin("payments-backoffice-api", "2001:db8:85a3::8a2e:370:7334", $"req-{Guid.CreateVersion7():N}"),
        Query = new QueryDetails(
            Enumerable.Range(0, 6).Select(i => $"pay-{(index * 7 + i) % 100_000:D6}").ToList(),
            "chargeback investigation CB-2026-118734: all captured card payments of merchant M-000777 in the disputed settlement window, "
            + "filtered by acquirer reference and settlement batch, opened from the disputes queue by the risk team for the quarterly "
            + "scheme report; export of the result set to the case file was requested and approved by the duty manager"),
    };

    /// <summary>
    /// A "record viewed" event of one payment record, shaped as the client library's
    /// <c>AuditEventFactory.RecordViewed</c> builds it: the smallest common event (~370 bytes of JSON).
    /// </summary>
    public static AuditEvent RecordViewedEvent(int index)
    {
        var recordId = $"pay-{index % 100_000:D6}";
        return new AuditEvent
        {
            EventId = Guid.CreateVersion7().ToString(),
            EventType = AuditEventTypes.RecordViewed,
            OccurredAt = Timestamp(index),
            Actor = new Actor($"user-{index % 50:D3}", ActorTypes.User),
            Origin = new Origin("backoffice-web", "10.1.2.3", $"req-{index:D6}"),
            Query = new QueryDetails([recordId]),
            Response = new ResponseDetails([recordId]),
            Outcome = new Outcome(OutcomeResults.Success),
        };
    }

    /// <summary>
    /// A message body that is not an event: <paramref name="length"/> characters drawn (seeded by
    /// <paramref name="index"/>) from what an SQS message may carry in ASCII: printable characters,
    /// tab, line feed and carriage return. Quotes, backslashes and control characters make it grow
    /// when it is stored as JSON text.
    /// </summary>
    public static string JunkPayload(int index, int length)
    {
        const string Alphabet = "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        var random = new Random(index);
        return string.Create(length, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    /// <summary>JSON of an event, as the client library sends it.</summary>
    public static string Json(AuditEvent auditEvent) => JsonSerializer.Serialize(auditEvent, AuditEventJsonContext.Default.AuditEvent);

    /// <summary>An RFC 3339 UTC time <paramref name="minute"/> minutes after a fixed base.</summary>
    public static string Timestamp(int minute) =>
        BaseTime.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
