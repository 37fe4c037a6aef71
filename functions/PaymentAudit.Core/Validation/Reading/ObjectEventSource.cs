using System.Text.Json;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Validation.Reading;

/// <summary>
/// Reads an event object as its serialized form (<see cref="AuditEventJsonContext"/>) shows it:
/// null properties are absent, a null list item is JSON null, and the members are always the known
/// ones, once each. Reads without allocating.
/// </summary>
internal readonly struct ObjectEventSource(AuditEvent auditEvent) : IEventSource
{
    public JsonValueKind RootKind => JsonValueKind.Object;

    public JsonValueKind PartKind(EventPart part)
    {
        object? value = part switch
        {
            EventPart.Root => auditEvent,
            EventPart.Actor => auditEvent.Actor,
            EventPart.Origin => auditEvent.Origin,
            EventPart.Query => auditEvent.Query,
            EventPart.Response => auditEvent.Response,
            EventPart.Outcome => auditEvent.Outcome,
            _ => auditEvent.Payment,
        };
        return value is null ? JsonValueKind.Undefined : JsonValueKind.Object;
    }

    public Rejection? CheckMembers(EventPart part) => null;

    public bool? IsCurrentSchemaVersion() => auditEvent.SchemaVersion == AuditEvent.CurrentSchemaVersion;

    /// <remarks>Called only for fields of parts that <see cref="PartKind"/> reported present.</remarks>
    public JsonValueKind String(EventField field, out string? value)
    {
        value = field switch
        {
            EventField.EventId => auditEvent.EventId,
            EventField.EventType => auditEvent.EventType,
            EventField.OccurredAt => auditEvent.OccurredAt,
            EventField.ActorId => auditEvent.Actor.Id,
            EventField.ActorType => auditEvent.Actor.Type,
            EventField.OriginService => auditEvent.Origin.Service,
            EventField.OriginIp => auditEvent.Origin.Ip,
            EventField.OriginRequestId => auditEvent.Origin.RequestId,
            EventField.QueryDescription => auditEvent.Query!.Description,
            EventField.OutcomeResult => auditEvent.Outcome.Result,
            EventField.OutcomeReason => auditEvent.Outcome.Reason,
            EventField.PaymentId => auditEvent.Payment!.PaymentId,
            EventField.PaymentAmount => auditEvent.Payment!.Amount,
            EventField.PaymentCurrency => auditEvent.Payment!.Currency,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a string field."),
        };
        return value is null ? JsonValueKind.Undefined : JsonValueKind.String;
    }

    public JsonValueKind List(EventField field, out int count)
    {
        var list = ListOf(field);
        count = list?.Count ?? 0;
        return list is null ? JsonValueKind.Undefined : JsonValueKind.Array;
    }

    public JsonValueKind ListItem(EventField field, int index, out string? value)
    {
        value = ListOf(field)![index];
        return value is null ? JsonValueKind.Null : JsonValueKind.String;
    }

    /// <summary>True when any string of the event holds a card number (member names are fixed and hold none).</summary>
    /// <remarks>Used on events whose serialized form holds none: a hit means a card number hidden behind escapes of escapes.</remarks>
    public bool ContainsCardNumber()
    {
        var e = auditEvent;
        return Test(e.EventId) || Test(e.EventType) || Test(e.OccurredAt)
            || (e.Actor is { } actor && (Test(actor.Id) || Test(actor.Type)))
            || (e.Origin is { } origin && (Test(origin.Service) || Test(origin.Ip) || Test(origin.RequestId)))
            || (e.Query is { } query && (TestAll(query.RecordIds) || Test(query.Description)))
            || (e.Response is { } response && TestAll(response.RecordIds))
            || (e.Outcome is { } outcome && (Test(outcome.Result) || Test(outcome.Reason)))
            || (e.Payment is { } payment && (Test(payment.PaymentId) || Test(payment.Amount) || Test(payment.Currency)));

        static bool Test(string? value) => value is not null && CardNumberDetector.ContainsCardNumber(value);

        static bool TestAll(IReadOnlyList<string>? values)
        {
            if (values is null)
            {
                return false;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (Test(values[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private IReadOnlyList<string>? ListOf(EventField field) => field switch
    {
        EventField.QueryRecordIds => auditEvent.Query!.RecordIds,
        EventField.ResponseRecordIds => auditEvent.Response!.RecordIds,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a list field."),
    };
}
