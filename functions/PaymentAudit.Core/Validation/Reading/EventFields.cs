namespace PaymentAudit.Core.Validation.Reading;

/// <summary>Where each <see cref="EventField"/> and <see cref="EventPart"/> lives in the JSON form.</summary>
internal static class EventFields
{
    /// <summary>Number of <see cref="EventField"/> values.</summary>
    public const int Count = (int)EventField.PaymentCurrency + 1;

    /// <summary>Number of <see cref="EventPart"/> values.</summary>
    public const int PartCount = (int)EventPart.Payment + 1;

    /// <summary>The object holding <paramref name="field"/>.</summary>
    public static EventPart PartOf(EventField field) => field switch
    {
        EventField.EventId or EventField.EventType or EventField.OccurredAt => EventPart.Root,
        EventField.ActorId or EventField.ActorType => EventPart.Actor,
        EventField.OriginService or EventField.OriginIp or EventField.OriginRequestId => EventPart.Origin,
        EventField.QueryRecordIds or EventField.QueryDescription => EventPart.Query,
        EventField.ResponseRecordIds => EventPart.Response,
        EventField.OutcomeResult or EventField.OutcomeReason => EventPart.Outcome,
        _ => EventPart.Payment,
    };

    /// <summary>The member name of <paramref name="field"/> inside its object, as UTF-8.</summary>
    public static ReadOnlySpan<byte> NameOf(EventField field) => field switch
    {
        EventField.EventId => "eventId"u8,
        EventField.EventType => "eventType"u8,
        EventField.OccurredAt => "occurredAt"u8,
        EventField.ActorId => "id"u8,
        EventField.ActorType => "type"u8,
        EventField.OriginService => "service"u8,
        EventField.OriginIp => "ip"u8,
        EventField.OriginRequestId => "requestId"u8,
        EventField.QueryRecordIds or EventField.ResponseRecordIds => "recordIds"u8,
        EventField.QueryDescription => "description"u8,
        EventField.OutcomeResult => "result"u8,
        EventField.OutcomeReason => "reason"u8,
        EventField.PaymentId => "paymentId"u8,
        EventField.PaymentAmount => "amount"u8,
        _ => "currency"u8,
    };

    /// <summary>The member name of a nested <paramref name="part"/> in the event object, as UTF-8.</summary>
    public static ReadOnlySpan<byte> NameOf(EventPart part) => part switch
    {
        EventPart.Actor => "actor"u8,
        EventPart.Origin => "origin"u8,
        EventPart.Query => "query"u8,
        EventPart.Response => "response"u8,
        EventPart.Outcome => "outcome"u8,
        EventPart.Payment => "payment"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "The event object has no member name."),
    };
}
