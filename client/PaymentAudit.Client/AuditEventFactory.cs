using System.Globalization;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client;

/// <summary>
/// Builds the common audit events with a fresh time-ordered id (UUIDv7) and the current time from
/// the injected clock. Pass the result to <see cref="IAuditTrail.RecordAsync"/>; adjust other
/// fields with a <c>with</c> expression.
/// </summary>
public sealed class AuditEventFactory
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a factory reading time from <paramref name="timeProvider"/> (default: the system clock).</summary>
    public AuditEventFactory(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>A query over payment records (<see cref="AuditEventTypes.RecordsQueried"/>).</summary>
    /// <param name="actor">Who queried.</param>
    /// <param name="origin">The application and request the query came from.</param>
    /// <param name="query">The record ids asked for and/or a description of the search (never card data).</param>
    /// <param name="returnedRecordIds">Ids of the records returned; empty when none.</param>
    /// <param name="outcome">Result of the access; default success.</param>
    public AuditEvent RecordsQueried(Actor actor, Origin origin, QueryDetails query, IReadOnlyList<string> returnedRecordIds, Outcome? outcome = null) =>
        Create(AuditEventTypes.RecordsQueried, actor, origin, outcome) with
        {
            Query = query,
            Response = new ResponseDetails(returnedRecordIds),
        };

    /// <summary>One payment record displayed or read (<see cref="AuditEventTypes.RecordViewed"/>).</summary>
    /// <param name="actor">Who viewed it.</param>
    /// <param name="origin">The application and request the access came from.</param>
    /// <param name="recordId">The payment record's id.</param>
    /// <param name="outcome">Result of the access; default success. On failure or denial no record is listed as returned.</param>
    public AuditEvent RecordViewed(Actor actor, Origin origin, string recordId, Outcome? outcome = null)
    {
        var result = Create(AuditEventTypes.RecordViewed, actor, origin, outcome);
        return result with
        {
            Query = new QueryDetails([recordId]),
            Response = new ResponseDetails(result.Outcome.Result == OutcomeResults.Success ? [recordId] : []),
        };
    }

    /// <summary>A processed payment (<see cref="AuditEventTypes.PaymentProcessed"/>).</summary>
    /// <param name="actor">The user or service that processed it.</param>
    /// <param name="origin">The application and job or request it came from.</param>
    /// <param name="payment">The payment: id, decimal amount as a string, ISO 4217 currency.</param>
    /// <param name="outcome">Result of the processing; default success.</param>
    public AuditEvent PaymentProcessed(Actor actor, Origin origin, PaymentDetails payment, Outcome? outcome = null) =>
        Create(AuditEventTypes.PaymentProcessed, actor, origin, outcome) with { Payment = payment };

    private AuditEvent Create(string eventType, Actor actor, Origin origin, Outcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(origin);
        var now = _timeProvider.GetUtcNow();
        return new AuditEvent
        {
            EventId = Guid.CreateVersion7(now).ToString(),
            EventType = eventType,
            OccurredAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Actor = actor,
            Origin = origin,
            Outcome = outcome ?? new Outcome(OutcomeResults.Success),
        };
    }
}
