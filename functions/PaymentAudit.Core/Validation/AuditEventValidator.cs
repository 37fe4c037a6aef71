using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// Validates a raw message against the audit event contract (schema version 1) and parses it.
/// The same rules as <c>schema/audit-event.v1.schema.json</c>, plus the two the schema cannot
/// express: the total size limit and the card-number guard. Every rejection names the field and
/// the rule; none echoes a value, so a reason can be stored and logged safely.
/// </summary>
public sealed class AuditEventValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };
    private readonly ValidationLimits _limits;

    /// <summary>Creates a validator with the given limits (default: the published ones).</summary>
    public AuditEventValidator(ValidationLimits? limits = null) => _limits = limits ?? ValidationLimits.Default;

    /// <summary>Validates a message body.</summary>
    public ValidationResult Validate(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (CardNumberDetector.ContainsCardNumber(payload))
        {
            return ForbiddenCardNumber();
        }

        var byteCount = Encoding.UTF8.GetByteCount(payload);
        if (byteCount > _limits.MaxEventBytes)
        {
            return ValidationResult.Invalid(
                RejectionCode.Oversize,
                $"payload is {byteCount} bytes; the limit is {_limits.MaxEventBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, ParseOptions);
        }
        catch (JsonException ex)
        {
            return ValidationResult.Invalid(RejectionCode.NotJson, $"payload is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        using (document)
        {
            return Validate(document.RootElement, checkEscapedCardNumbers: payload.Contains('\\', StringComparison.Ordinal));
        }
    }

    /// <summary>Validates an already parsed event object (used when re-reading stored records).</summary>
    public ValidationResult Validate(JsonElement root, bool checkEscapedCardNumbers = true)
    {
        try
        {
            // An escape (\n, \u0034, ...) can hide a card number from the raw-text scan, so the
            // decoded strings are checked first: a card number outranks every other problem.
            if (checkEscapedCardNumbers && StringsContainCardNumber(root))
            {
                return ForbiddenCardNumber();
            }

            return new EventReader(_limits).Read(root);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString throws when an escaped string is not valid UTF-16.
            return ValidationResult.Invalid(RejectionCode.InvalidField, "a string contains an invalid Unicode escape (lone surrogate)");
        }
    }

    private static ValidationResult ForbiddenCardNumber() =>
        ValidationResult.Invalid(
            RejectionCode.ForbiddenContent,
            "payload contains a card number (Luhn-valid 13-19 digit sequence); audit events must never carry PANs");

    /// <summary>True when any decoded string or member name in <paramref name="element"/> holds a card number.</summary>
    internal static bool StringsContainCardNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => CardNumberDetector.ContainsCardNumber(element.GetString()),
        JsonValueKind.Array => element.EnumerateArray().Any(StringsContainCardNumber),
        JsonValueKind.Object => element.EnumerateObject().Any(p => CardNumberDetector.ContainsCardNumber(p.Name) || StringsContainCardNumber(p.Value)),
        _ => false,
    };

    /// <summary>Walks one event object; the first violation found becomes the rejection.</summary>
    private sealed class EventReader(ValidationLimits limits)
    {
        private static readonly MemberNames TopLevelFields =
            new(["schemaVersion", "eventId", "eventType", "occurredAt", "actor", "origin", "query", "response", "outcome", "payment"]);

        private static readonly MemberNames ActorFields = new(["id", "type"]);
        private static readonly MemberNames OriginFields = new(["service", "ip", "requestId"]);
        private static readonly MemberNames QueryFields = new(["recordIds", "description"]);
        private static readonly MemberNames ResponseFields = new(["recordIds"]);
        private static readonly MemberNames OutcomeFields = new(["result", "reason"]);
        private static readonly MemberNames PaymentFields = new(["paymentId", "amount", "currency"]);

        private Rejection? _rejection;

        public ValidationResult Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ValidationResult.Invalid(RejectionCode.NotAnObject, $"payload must be a JSON object, not {Describe(root.ValueKind)}");
            }

            if (!CheckMembers(root, string.Empty, TopLevelFields))
            {
                return Failed();
            }

            if (!root.TryGetProperty("schemaVersion"u8, out var version))
            {
                return ValidationResult.Invalid(RejectionCode.MissingField, "field 'schemaVersion' is required");
            }

            // JSON Schema compares numbers by value, so 1.0 is version 1 as well.
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetDecimal(out var versionValue) || versionValue != AuditEvent.CurrentSchemaVersion)
            {
                return ValidationResult.Invalid(
                    RejectionCode.UnsupportedSchemaVersion,
                    $"field 'schemaVersion' must be {AuditEvent.CurrentSchemaVersion}; this writer supports schema version {AuditEvent.CurrentSchemaVersion} only");
            }

            var eventId = RequiredString(root, "eventId"u8, "eventId");
            if (eventId is not null && !IsEventId(eventId))
            {
                Invalid("eventId", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
            }

            var eventType = RequiredString(root, "eventType"u8, "eventType");
            if (eventType is not null && !IsEventType(eventType))
            {
                Invalid("eventType", "must be dotted lowercase words of at most 64 characters, e.g. 'payment.record.viewed'");
            }

            var occurredAt = RequiredString(root, "occurredAt"u8, "occurredAt");
            if (_rejection is null && occurredAt is not null && !Rfc3339.TryParseUtc(occurredAt, out _))
            {
                _rejection = new Rejection(
                    RejectionCode.InvalidTimestamp,
                    "field 'occurredAt' must be an RFC 3339 date-time in UTC such as 2026-01-31T09:15:00.123Z");
            }

            var actor = ReadActor(root);
            var origin = ReadOrigin(root);
            var query = ReadQuery(root);
            var response = ReadResponse(root);
            var outcome = ReadOutcome(root);
            var payment = ReadPayment(root);

            if (_rejection is null && eventType == AuditEventTypes.PaymentProcessed && payment is null)
            {
                Missing("payment", $"is required when eventType is '{AuditEventTypes.PaymentProcessed}'");
            }
            else if (_rejection is null && eventType != AuditEventTypes.PaymentProcessed && query is null)
            {
                Missing("query", "is required for access events (any eventType except 'payment.processed')");
            }

            if (_rejection is not null)
            {
                return Failed();
            }

            return ValidationResult.Valid(new AuditEvent
            {
                SchemaVersion = AuditEvent.CurrentSchemaVersion,
                EventId = eventId!,
                EventType = eventType!,
                OccurredAt = occurredAt!,
                Actor = actor!,
                Origin = origin!,
                Query = query,
                Response = response,
                Outcome = outcome!,
                Payment = payment,
            });
        }

        private ValidationResult Failed() => ValidationResult.Invalid(_rejection!.Code, _rejection.Reason);

        private Actor? ReadActor(JsonElement root)
        {
            if (!RequiredObject(root, "actor"u8, "actor", ActorFields, out var actor))
            {
                return null;
            }

            var id = RequiredIdentifier(actor, "id"u8, "actor.id");
            var type = RequiredString(actor, "type"u8, "actor.type");
            if (type is not null && type is not (ActorTypes.User or ActorTypes.Service))
            {
                Invalid("actor.type", "must be 'user' or 'service'");
            }

            return id is null || type is null ? null : new Actor(id, type);
        }

        private Origin? ReadOrigin(JsonElement root)
        {
            if (!RequiredObject(root, "origin"u8, "origin", OriginFields, out var origin))
            {
                return null;
            }

            var service = RequiredIdentifier(origin, "service"u8, "origin.service");
            var ip = OptionalString(origin, "ip"u8, "origin.ip");
            if (ip is not null && !IsIpAddress(ip))
            {
                Invalid("origin.ip", "must be an IPv4 or IPv6 address");
            }

            var requestId = OptionalIdentifier(origin, "requestId"u8, "origin.requestId");
            return service is null ? null : new Origin(service, ip, requestId);
        }

        private QueryDetails? ReadQuery(JsonElement root)
        {
            if (!OptionalObject(root, "query"u8, "query", QueryFields, out var query))
            {
                return null;
            }

            var recordIds = OptionalIdentifierList(query, "recordIds"u8, "query.recordIds", minItems: 1, limits.MaxQueryRecordIds);
            var description = OptionalText(query, "description"u8, "query.description");
            if (recordIds is null && description is null)
            {
                Missing("query", "needs 'recordIds' or 'description'");
                return null;
            }

            return new QueryDetails(recordIds, description);
        }

        private ResponseDetails? ReadResponse(JsonElement root)
        {
            if (!OptionalObject(root, "response"u8, "response", ResponseFields, out var response))
            {
                return null;
            }

            if (!response.TryGetProperty("recordIds"u8, out _))
            {
                Missing("response.recordIds", "is required (use an empty list when nothing was returned)");
                return null;
            }

            var recordIds = OptionalIdentifierList(response, "recordIds"u8, "response.recordIds", minItems: 0, limits.MaxResponseRecordIds);
            return recordIds is null ? null : new ResponseDetails(recordIds);
        }

        private Outcome? ReadOutcome(JsonElement root)
        {
            if (!RequiredObject(root, "outcome"u8, "outcome", OutcomeFields, out var outcome))
            {
                return null;
            }

            var result = RequiredString(outcome, "result"u8, "outcome.result");
            if (result is not null && result is not (OutcomeResults.Success or OutcomeResults.Failure or OutcomeResults.Denied))
            {
                Invalid("outcome.result", "must be 'success', 'failure' or 'denied'");
            }

            var reason = OptionalText(outcome, "reason"u8, "outcome.reason");
            return result is null ? null : new Outcome(result, reason);
        }

        private PaymentDetails? ReadPayment(JsonElement root)
        {
            if (!OptionalObject(root, "payment"u8, "payment", PaymentFields, out var payment))
            {
                return null;
            }

            var paymentId = RequiredIdentifier(payment, "paymentId"u8, "payment.paymentId");
            var amount = RequiredString(payment, "amount"u8, "payment.amount");
            if (amount is not null && !IsDecimalAmount(amount))
            {
                Invalid("payment.amount", "must be a decimal string such as \"129.90\" (at most 15 integer and 6 fraction digits)");
            }

            var currency = RequiredString(payment, "currency"u8, "payment.currency");
            if (currency is not null && !(currency.Length == 3 && char.IsAsciiLetterUpper(currency[0]) && char.IsAsciiLetterUpper(currency[1]) && char.IsAsciiLetterUpper(currency[2])))
            {
                Invalid("payment.currency", "must be a three-letter ISO 4217 code such as \"EUR\"");
            }

            return paymentId is null || amount is null || currency is null ? null : new PaymentDetails(paymentId, amount, currency);
        }

        private bool CheckMembers(JsonElement obj, string path, MemberNames allowed)
        {
            // Objects have at most ten known members: a bit per allowed name finds duplicates
            // without allocating, and comparing UTF-8 names avoids materializing every member name.
            var seen = 0;
            foreach (var member in obj.EnumerateObject())
            {
                var index = -1;
                for (var i = 0; i < allowed.Count; i++)
                {
                    if (member.NameEquals(allowed.Utf8(i)))
                    {
                        index = i;
                        break;
                    }
                }

                if (index < 0)
                {
                    Fail(RejectionCode.UnknownField, $"field '{SafeName(Join(path, member.Name))}' is not part of schema version 1");
                    return false;
                }

                if ((seen & (1 << index)) != 0)
                {
                    Fail(RejectionCode.DuplicateField, $"field '{Join(path, allowed.Name(index))}' appears more than once");
                    return false;
                }

                seen |= 1 << index;
            }

            return true;
        }

        private bool RequiredObject(JsonElement parent, ReadOnlySpan<byte> name, string path, MemberNames allowed, out JsonElement value)
        {
            if (!parent.TryGetProperty(name, out value))
            {
                Missing(path, "is required");
                return false;
            }

            return ObjectValue(value, path, allowed);
        }

        private bool OptionalObject(JsonElement parent, ReadOnlySpan<byte> name, string path, MemberNames allowed, out JsonElement value) =>
            parent.TryGetProperty(name, out value) && ObjectValue(value, path, allowed);

        private bool ObjectValue(JsonElement value, string path, MemberNames allowed)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                Invalid(path, $"must be an object, not {Describe(value.ValueKind)}");
                return false;
            }

            return _rejection is null && CheckMembers(value, path, allowed);
        }

        private string? RequiredString(JsonElement parent, ReadOnlySpan<byte> name, string path)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                Missing(path, "is required");
                return null;
            }

            return StringValue(value, path);
        }

        private string? OptionalString(JsonElement parent, ReadOnlySpan<byte> name, string path) =>
            parent.TryGetProperty(name, out var value) ? StringValue(value, path) : null;

        private string? StringValue(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Invalid(path, $"must be a string, not {Describe(value.ValueKind)}");
                return null;
            }

            return value.GetString();
        }

        private string? RequiredIdentifier(JsonElement parent, ReadOnlySpan<byte> name, string path) =>
            CheckIdentifier(RequiredString(parent, name, path), path);

        private string? OptionalIdentifier(JsonElement parent, ReadOnlySpan<byte> name, string path) =>
            CheckIdentifier(OptionalString(parent, name, path), path);

        private string? CheckIdentifier(string? value, string path)
        {
            if (value is not null && !IsIdentifier(value, limits.MaxIdentifierLength))
            {
                Invalid(path, $"must be 1-{limits.MaxIdentifierLength} printable ASCII characters without spaces");
                return null;
            }

            return value;
        }

        private string? OptionalText(JsonElement parent, ReadOnlySpan<byte> name, string path)
        {
            var value = OptionalString(parent, name, path);
            if (value is null)
            {
                return null;
            }

            var length = CountCodePoints(value);
            if (length == 0 || length > limits.MaxTextLength)
            {
                Invalid(path, $"must be 1-{limits.MaxTextLength} characters");
                return null;
            }

            return value;
        }

        private List<string>? OptionalIdentifierList(JsonElement parent, ReadOnlySpan<byte> name, string path, int minItems, int maxItems)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Invalid(path, $"must be an array, not {Describe(value.ValueKind)}");
                return null;
            }

            var count = value.GetArrayLength();
            if (count < minItems || count > maxItems)
            {
                Invalid(path, $"must hold {minItems}-{maxItems} record ids (it holds {count})");
                return null;
            }

            var ids = new List<string>(count);
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    Invalid($"{path}[{index}]", $"must be a string, not {Describe(item.ValueKind)}");
                    return null;
                }

                var id = item.GetString()!;
                if (!IsIdentifier(id, limits.MaxIdentifierLength))
                {
                    Invalid($"{path}[{index}]", $"must be 1-{limits.MaxIdentifierLength} printable ASCII characters without spaces");
                    return null;
                }

                // Lists hold at most 50 ids: a pairwise check costs less than a hash set.
                if (ids.IndexOf(id) >= 0)
                {
                    Invalid($"{path}[{index}]", "repeats an earlier record id; ids must be unique");
                    return null;
                }

                ids.Add(id);
                index++;
            }

            return ids;
        }

        private void Missing(string path, string rule) => Fail(RejectionCode.MissingField, $"field '{path}' {rule}");

        private void Invalid(string path, string rule) => Fail(RejectionCode.InvalidField, $"field '{path}' {rule}");

        private void Fail(RejectionCode code, string reason) => _rejection ??= new Rejection(code, reason);

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        /// <summary>Unknown field names come from the sender: keep them short and printable in reasons.</summary>
        private static string SafeName(string name)
        {
            var printable = new string(name.Select(c => c is >= ' ' and <= '~' ? c : '?').Take(64).ToArray());
            return name.Length > 64 ? printable + "..." : printable;
        }

        private static string Describe(JsonValueKind kind) => kind switch
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

    /// <summary>The members an object of the contract may have, as names for reasons and as UTF-8 for matching.</summary>
    private sealed class MemberNames(string[] names)
    {
        private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

        public int Count => names.Length;

        public string Name(int index) => names[index];

        public ReadOnlySpan<byte> Utf8(int index) => _utf8[index];
    }

    private static int CountCodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    internal static bool IsIdentifier(string value, int maxLength)
    {
        if (value.Length < 1 || value.Length > maxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsEventId(string value)
    {
        if (value.Length is < 1 or > 128 || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsEventType(string value)
    {
        if (value.Length > 64)
        {
            return false;
        }

        var words = 0;
        var wordStart = true;
        foreach (var c in value)
        {
            if (c == '.')
            {
                if (wordStart)
                {
                    return false;
                }

                wordStart = true;
                continue;
            }

            if (wordStart ? !char.IsAsciiLetterLower(c) : !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }

            if (wordStart)
            {
                words++;
            }

            wordStart = false;
        }

        return words >= 2 && !wordStart;
    }

    internal static bool IsDecimalAmount(string value)
    {
        var span = value.AsSpan();
        if (span.StartsWith("-"))
        {
            span = span[1..];
        }

        var point = span.IndexOf('.');
        var integer = point < 0 ? span : span[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : span[(point + 1)..];
        return integer.Length is >= 1 and <= 15
            && (integer.Length == 1 || integer[0] != '0')
            && integer.ContainsOnlyAsciiDigits()
            && (point < 0 || (fraction.Length is >= 1 and <= 6 && fraction.ContainsOnlyAsciiDigits()));
    }

    internal static bool IsIpAddress(string value)
    {
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return value.IndexOfAny(['%', '[', ']', '/']) < 0
                && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return IsIpv4Address(value);
    }

    /// <summary>Dotted-quad IPv4: four decimal octets 0-255 without leading zeros (the schema's 'ipv4' format).</summary>
    private static bool IsIpv4Address(ReadOnlySpan<char> value)
    {
        for (var octet = 0; octet < 4; octet++)
        {
            var digits = 0;
            var number = 0;
            while (digits < value.Length && char.IsAsciiDigit(value[digits]))
            {
                number = (number * 10) + (value[digits] - '0');
                digits++;
            }

            if (digits is < 1 or > 3 || (digits > 1 && value[0] == '0') || number > 255)
            {
                return false;
            }

            value = value[digits..];
            if (octet < 3)
            {
                if (value.IsEmpty || value[0] != '.')
                {
                    return false;
                }

                value = value[1..];
            }
        }

        return value.IsEmpty;
    }
}

file static class SpanDigits
{
    public static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
