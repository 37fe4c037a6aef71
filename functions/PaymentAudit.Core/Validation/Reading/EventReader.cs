using System.Text.Json;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Validation.Reading;

/// <summary>
/// The contract's rules, applied in one fixed order to any <see cref="IEventSource"/>: the first
/// violation found becomes the rejection. Both sources go through this one sequence, so an event
/// object gets exactly the verdict its JSON form would get from the writer.
/// </summary>
/// <typeparam name="TSource">The source; a struct source is read without allocating.</typeparam>
internal struct EventReader<TSource>(TSource source, ValidationLimits limits)
    where TSource : IEventSource
{
    // Not readonly: a struct source keeps what it reads, and a readonly field would be read through copies.
#pragma warning disable IDE0044
    private TSource _source = source;
#pragma warning restore IDE0044
    private Rejection? _rejection;

    /// <summary>The source as the reading left it (a struct source keeps what it read).</summary>
    public readonly TSource Source => _source;

    /// <summary>Reads the whole event: null when it is valid, otherwise the first violation.</summary>
    public Rejection? Read()
    {
        var rootKind = _source.RootKind;
        if (rootKind != JsonValueKind.Object)
        {
            return new Rejection(RejectionCode.NotAnObject, $"payload must be a JSON object, not {Describe(rootKind)}");
        }

        if (_source.CheckMembers(EventPart.Root) is { } member)
        {
            return member;
        }

        switch (_source.IsCurrentSchemaVersion())
        {
            case null:
                return new Rejection(RejectionCode.MissingField, "field 'schemaVersion' is required");
            case false:
                // JSON Schema compares numbers by value, so 1.0 is version 1 as well.
                return new Rejection(
                    RejectionCode.UnsupportedSchemaVersion,
                    $"field 'schemaVersion' must be {AuditEvent.CurrentSchemaVersion}; this writer supports schema version {AuditEvent.CurrentSchemaVersion} only");
        }

        var eventId = RequiredString(EventField.EventId, "eventId");
        if (eventId is not null && !AuditEventValidator.IsEventId(eventId))
        {
            Invalid("eventId", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }

        var eventType = RequiredString(EventField.EventType, "eventType");
        if (eventType is not null && !AuditEventValidator.IsEventType(eventType))
        {
            Invalid("eventType", "must be dotted lowercase words of at most 64 characters, e.g. 'payment.record.viewed'");
        }

        var occurredAt = RequiredString(EventField.OccurredAt, "occurredAt");
        if (_rejection is null && occurredAt is not null && !Rfc3339.TryParseUtc(occurredAt, out _))
        {
            _rejection = new Rejection(
                RejectionCode.InvalidTimestamp,
                "field 'occurredAt' must be an RFC 3339 date-time in UTC such as 2026-01-31T09:15:00.123Z");
        }

        ReadActor();
        ReadOrigin();
        var hasQuery = ReadQuery();
        ReadResponse();
        ReadOutcome();
        var hasPayment = ReadPayment();

        if (_rejection is null && eventType == AuditEventTypes.PaymentProcessed && !hasPayment)
        {
            Missing("payment", $"is required when eventType is '{AuditEventTypes.PaymentProcessed}'");
        }
        else if (_rejection is null && eventType != AuditEventTypes.PaymentProcessed && !hasQuery)
        {
            Missing("query", "is required for access events (any eventType except 'payment.processed')");
        }

        return _rejection;
    }

    private void ReadActor()
    {
        if (!RequiredObject(EventPart.Actor, "actor"))
        {
            return;
        }

        RequiredIdentifier(EventField.ActorId, "actor.id");
        var type = RequiredString(EventField.ActorType, "actor.type");
        if (type is not null && type is not (ActorTypes.User or ActorTypes.Service))
        {
            Invalid("actor.type", "must be 'user' or 'service'");
        }
    }

    private void ReadOrigin()
    {
        if (!RequiredObject(EventPart.Origin, "origin"))
        {
            return;
        }

        RequiredIdentifier(EventField.OriginService, "origin.service");
        var ip = OptionalString(EventField.OriginIp, "origin.ip");
        if (ip is not null && !AuditEventValidator.IsIpAddress(ip))
        {
            Invalid("origin.ip", "must be an IPv4 or IPv6 address");
        }

        CheckIdentifier(OptionalString(EventField.OriginRequestId, "origin.requestId"), "origin.requestId");
    }

    /// <summary>True when the event has a query with record ids or a description.</summary>
    private bool ReadQuery()
    {
        if (!OptionalObject(EventPart.Query, "query"))
        {
            return false;
        }

        var hasRecordIds = IdentifierList(EventField.QueryRecordIds, "query.recordIds", required: false, minItems: 1, limits.MaxQueryRecordIds);
        var description = OptionalText(EventField.QueryDescription, "query.description");
        if (!hasRecordIds && description is null)
        {
            Missing("query", "needs 'recordIds' or 'description'");
            return false;
        }

        return true;
    }

    private void ReadResponse()
    {
        if (OptionalObject(EventPart.Response, "response"))
        {
            IdentifierList(EventField.ResponseRecordIds, "response.recordIds", required: true, minItems: 0, limits.MaxResponseRecordIds);
        }
    }

    private void ReadOutcome()
    {
        if (!RequiredObject(EventPart.Outcome, "outcome"))
        {
            return;
        }

        var result = RequiredString(EventField.OutcomeResult, "outcome.result");
        if (result is not null && result is not (OutcomeResults.Success or OutcomeResults.Failure or OutcomeResults.Denied))
        {
            Invalid("outcome.result", "must be 'success', 'failure' or 'denied'");
        }

        OptionalText(EventField.OutcomeReason, "outcome.reason");
    }

    /// <summary>True when the event has a payment object.</summary>
    private bool ReadPayment()
    {
        if (!OptionalObject(EventPart.Payment, "payment"))
        {
            return false;
        }

        RequiredIdentifier(EventField.PaymentId, "payment.paymentId");
        var amount = RequiredString(EventField.PaymentAmount, "payment.amount");
        if (amount is not null && !AuditEventValidator.IsDecimalAmount(amount))
        {
            Invalid("payment.amount", "must be a decimal string such as \"129.90\" (at most 15 integer and 6 fraction digits)");
        }

        var currency = RequiredString(EventField.PaymentCurrency, "payment.currency");
        if (currency is not null && !(currency.Length == 3 && char.IsAsciiLetterUpper(currency[0]) && char.IsAsciiLetterUpper(currency[1]) && char.IsAsciiLetterUpper(currency[2])))
        {
            Invalid("payment.currency", "must be a three-letter ISO 4217 code such as \"EUR\"");
        }

        return true;
    }

    private bool RequiredObject(EventPart part, string path)
    {
        var kind = _source.PartKind(part);
        if (kind == JsonValueKind.Undefined)
        {
            Missing(path, "is required");
            return false;
        }

        return ObjectValue(part, kind, path);
    }

    private bool OptionalObject(EventPart part, string path)
    {
        var kind = _source.PartKind(part);
        return kind != JsonValueKind.Undefined && ObjectValue(part, kind, path);
    }

    private bool ObjectValue(EventPart part, JsonValueKind kind, string path)
    {
        if (kind != JsonValueKind.Object)
        {
            Invalid(path, $"must be an object, not {Describe(kind)}");
            return false;
        }

        if (_rejection is not null)
        {
            return false;
        }

        _rejection = _source.CheckMembers(part);
        return _rejection is null;
    }

    private string? RequiredString(EventField field, string path)
    {
        var kind = _source.String(field, out var value);
        if (kind == JsonValueKind.Undefined)
        {
            Missing(path, "is required");
            return null;
        }

        return StringValue(kind, value, path);
    }

    private string? OptionalString(EventField field, string path)
    {
        var kind = _source.String(field, out var value);
        return kind == JsonValueKind.Undefined ? null : StringValue(kind, value, path);
    }

    private string? StringValue(JsonValueKind kind, string? value, string path)
    {
        if (kind != JsonValueKind.String)
        {
            Invalid(path, $"must be a string, not {Describe(kind)}");
            return null;
        }

        return value;
    }

    private void RequiredIdentifier(EventField field, string path) => CheckIdentifier(RequiredString(field, path), path);

    private void CheckIdentifier(string? value, string path)
    {
        if (value is not null && !AuditEventValidator.IsIdentifier(value, limits.MaxIdentifierLength))
        {
            Invalid(path, $"must be 1-{limits.MaxIdentifierLength} printable ASCII characters without spaces");
        }
    }

    private string? OptionalText(EventField field, string path)
    {
        var value = OptionalString(field, path);
        if (value is null)
        {
            return null;
        }

        var length = AuditEventValidator.CountCodePoints(value);
        if (length == 0 || length > limits.MaxTextLength)
        {
            Invalid(path, $"must be 1-{limits.MaxTextLength} characters");
            return null;
        }

        return value;
    }

    /// <summary>Checks a list of unique record ids; true when it is present and valid.</summary>
    private bool IdentifierList(EventField field, string path, bool required, int minItems, int maxItems)
    {
        var kind = _source.List(field, out var count);
        if (kind == JsonValueKind.Undefined)
        {
            if (required)
            {
                Missing(path, "is required (use an empty list when nothing was returned)");
            }

            return false;
        }

        if (kind != JsonValueKind.Array)
        {
            Invalid(path, $"must be an array, not {Describe(kind)}");
            return false;
        }

        if (count < minItems || count > maxItems)
        {
            Invalid(path, $"must hold {minItems}-{maxItems} record ids (it holds {count})");
            return false;
        }

        for (var index = 0; index < count; index++)
        {
            var itemKind = _source.ListItem(field, index, out var id);
            if (itemKind != JsonValueKind.String)
            {
                Invalid($"{path}[{index}]", $"must be a string, not {Describe(itemKind)}");
                return false;
            }

            if (!AuditEventValidator.IsIdentifier(id!, limits.MaxIdentifierLength))
            {
                Invalid($"{path}[{index}]", $"must be 1-{limits.MaxIdentifierLength} printable ASCII characters without spaces");
                return false;
            }

            // Lists hold at most 50 ids: a pairwise check costs less than a hash set.
            for (var earlier = 0; earlier < index; earlier++)
            {
                _source.ListItem(field, earlier, out var other);
                if (string.Equals(other, id, StringComparison.Ordinal))
                {
                    Invalid($"{path}[{index}]", "repeats an earlier record id; ids must be unique");
                    return false;
                }
            }
        }

        return true;
    }

    private void Missing(string path, string rule) => Fail(RejectionCode.MissingField, $"field '{path}' {rule}");

    private void Invalid(string path, string rule) => Fail(RejectionCode.InvalidField, $"field '{path}' {rule}");

    private void Fail(RejectionCode code, string reason) => _rejection ??= new Rejection(code, reason);

    /// <summary>A JSON kind as reasons name it.</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
