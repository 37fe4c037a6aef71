using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>Chain entries (accepted and quarantined) ready to link.</summary>
public static class Entries
{
    /// <summary>A quarantined payload whose actor id is still readable.</summary>
    public const string RejectedPayload = """{"schemaVersion":1,"eventId":"evt-bad","actor":{"id":"user-eve","type":"user"}}""";

    /// <summary>An accepted access event.</summary>
    public static ChainEntry Access(string eventId = "evt-0001") => ChainEntry.Accepted($"msg-{eventId}", Some.AccessEvent(eventId));

    /// <summary>An accepted payment event.</summary>
    public static ChainEntry Payment(string eventId = "evt-0003") => ChainEntry.Accepted($"msg-{eventId}", Some.PaymentEvent(eventId));

    /// <summary>A quarantined payload.</summary>
    public static ChainEntry Rejected(string messageId = "msg-rejected", string payload = RejectedPayload) =>
        ChainEntry.Quarantined(messageId, new Rejection(RejectionCode.MissingField, "field 'eventType' is required"), payload);

    /// <summary>Five entries of every kind.</summary>
    public static IReadOnlyList<ChainEntry> Mixed() =>
    [
        Access("evt-0001"),
        Payment("evt-0002"),
        Rejected("msg-0003"),
        ChainEntry.Accepted("msg-evt-0004", Some.MinimalAccessEvent("evt-0004")),
        Access("evt-0005"),
    ];
}
