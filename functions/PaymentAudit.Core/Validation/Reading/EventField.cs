namespace PaymentAudit.Core.Validation.Reading;

/// <summary>The string and list fields of an audit event (see <see cref="EventFields"/> for where each lives).</summary>
internal enum EventField
{
    EventId,
    EventType,
    OccurredAt,
    ActorId,
    ActorType,
    OriginService,
    OriginIp,
    OriginRequestId,
    QueryRecordIds,
    QueryDescription,
    ResponseRecordIds,
    OutcomeResult,
    OutcomeReason,
    PaymentId,
    PaymentAmount,
    PaymentCurrency,
}
