using System.Text.Json;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>Builders of valid audit events and their JSON. Override parts with <c>with</c>.</summary>
public static class Some
{
    /// <summary>An occurredAt value the contract accepts.</summary>
    public const string OccurredAt = "2026-11-23T09:15:00.123Z";

    /// <summary>A receive time as the writer formats it.</summary>
    public const string ReceivedAt = "2026-11-23T09:15:01.0000000Z";

    /// <summary>A "records queried" access event with every optional field present.</summary>
    public static AuditEvent AccessEvent(string eventId = "evt-0001", string actorId = "user-ana") => new()
    {
        EventId = eventId,
        EventType = AuditEventTypes.RecordsQueried,
        OccurredAt = OccurredAt,
        Actor = new Actor(actorId, ActorTypes.User),
        Origin = new Origin("backoffice-web", "10.20.30.40", "req-000042"),
        Query = new QueryDetails(["pay-1001", "pay-1002"], "refund review for merchant M-77"),
        Response = new ResponseDetails(["pay-1001"]),
        Outcome = new Outcome(OutcomeResults.Denied, "not permitted for this merchant"),
    };

    /// <summary>A "record viewed" access event with only the required fields.</summary>
    public static AuditEvent MinimalAccessEvent(string eventId = "evt-0002") => new()
    {
        EventId = eventId,
        EventType = AuditEventTypes.RecordViewed,
        OccurredAt = "2026-11-23T09:15:00Z",
        Actor = new Actor("user-bo", ActorTypes.User),
        Origin = new Origin("backoffice-web"),
        Query = new QueryDetails(Description: "opened the payment detail page"),
        Outcome = new Outcome(OutcomeResults.Success),
    };

    /// <summary>A "payment processed" event.</summary>
    public static AuditEvent PaymentEvent(string eventId = "evt-0003", string paymentId = "pay-2001") => new()
    {
        EventId = eventId,
        EventType = AuditEventTypes.PaymentProcessed,
        OccurredAt = OccurredAt,
        Actor = new Actor("svc-settlement", ActorTypes.Service),
        Origin = new Origin("settlement-worker", RequestId: "job-000007"),
        Outcome = new Outcome(OutcomeResults.Success),
        Payment = new PaymentDetails(paymentId, "129.90", "EUR"),
    };

    /// <summary>JSON of an event, as the client library sends it.</summary>
    public static string Json(AuditEvent auditEvent) =>
        JsonSerializer.Serialize(auditEvent, AuditEventJsonContext.Default.AuditEvent);

    /// <summary>JSON of <see cref="AccessEvent"/>.</summary>
    public static string AccessEventJson() => Json(AccessEvent());

    /// <summary>JSON of <see cref="PaymentEvent"/>.</summary>
    public static string PaymentEventJson() => Json(PaymentEvent());
}
