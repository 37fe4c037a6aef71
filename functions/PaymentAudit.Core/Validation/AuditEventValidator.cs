using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation.Reading;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// Validates a raw message against the audit event contract (schema version 1) and parses it.
/// The same rules as <c>schema/audit-event.v1.schema.json</c>, plus the two the schema cannot
/// express: the total size limit and the card-number guard. Every rejection names the field and
/// the rule; none echoes a value, so a reason can be stored and logged safely.
/// </summary>
/// <remarks>
/// A card number (<see cref="CardNumberDetector"/>) does not cost an access its place in the
/// trail: the message is masked (<see cref="CardNumberDetector.Mask"/>) and the masked message is
/// judged instead. If it is valid, the result is the masked event and
/// <see cref="ValidationResult.Redactions"/> names the fields that were masked; otherwise it gets
/// the rejection the masked message gets. Only what cannot be masked is refused as
/// <see cref="RejectionCode.ForbiddenContent"/>: a card number in <c>eventId</c> (the idempotency
/// key), outside any JSON string, or spelled through nested escapes.
/// </remarks>
public sealed class AuditEventValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    private static readonly Rejection CardNumberInEventId = new(
        RejectionCode.ForbiddenContent,
        "field 'eventId' contains a card number; the event id is the idempotency key and cannot be masked, so the event is refused: "
        + "give it an id without one");

    private static readonly Rejection CardNumberOutsideStrings = new(
        RejectionCode.ForbiddenContent,
        "payload contains a card number outside any JSON string (e.g. as a number), where it cannot be masked; audit events must never carry PANs");

    private static readonly Rejection CardNumberBehindNestedEscapes = new(
        RejectionCode.ForbiddenContent,
        "a string contains a card number spelled through nested escapes, which cannot be masked in place; audit events must never carry PANs");

    /// <summary>Zone ids, brackets and prefix lengths, which IPAddress accepts but the schema's 'ipv6' does not.</summary>
    private static readonly SearchValues<char> EventIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    private static readonly SearchValues<char> NotInIpv6 = SearchValues.Create("%[]/");

    private readonly ValidationLimits _limits;

    /// <summary>Creates a validator with the given limits (default: the published ones).</summary>
    public AuditEventValidator(ValidationLimits? limits = null) => _limits = limits ?? ValidationLimits.Default;

    /// <summary>Validates a message body, masking card numbers where that keeps the event readable.</summary>
    public ValidationResult Validate(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (CardNumberDetector.ContainsCardNumber(payload))
        {
            return ValidateRedacted(payload, checkSize: true, out _);
        }

        if (CheckSize(payload) is { } oversize)
        {
            return ValidationResult.Invalid(oversize);
        }

        if (!TryParse(payload, out var document, out var notJson))
        {
            return ValidationResult.Invalid(notJson);
        }

        using (document)
        {
            return Read(document.RootElement, escaped: payload.Contains('\\', StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Validates an already parsed event object (used when re-reading stored records), masking
    /// card numbers as <see cref="Validate(string)"/> does. The size limit is not applied.
    /// </summary>
    public ValidationResult Validate(JsonElement root)
    {
        var raw = root.GetRawText();
        return CardNumberDetector.ContainsCardNumber(raw)
            ? ValidateRedacted(raw, checkSize: false, out _)
            : Read(root, escaped: raw.Contains('\\', StringComparison.Ordinal));
    }

    /// <summary>
    /// Serializes <paramref name="auditEvent"/> as a message body and validates it: the verdict is
    /// the one <see cref="Validate(string)"/> gives that body, reached without parsing it back
    /// unless the body holds a card number. This is how producers check an event before sending it.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="json">
    /// The body to send (<see cref="AuditEventJsonContext"/>): the event's JSON, with card numbers
    /// masked when the verdict is valid only after masking; the event's JSON when it is invalid.
    /// </param>
    /// <param name="rejection">Why the event is invalid; null when it is valid.</param>
    /// <returns>True when the event is valid (possibly after masking).</returns>
    public bool TrySerialize(AuditEvent auditEvent, out string json, [NotNullWhen(false)] out Rejection? rejection) =>
        TrySerialize(auditEvent, out json, out rejection, out _);

    /// <summary>
    /// As <see cref="TrySerialize(AuditEvent, out string, out Rejection?)"/>, and tells which fields
    /// were masked: when <paramref name="redactions"/> is not empty, <paramref name="json"/> is the
    /// masked body, the one to send, and no card number leaves the application.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="json">The body to send; see the other overload.</param>
    /// <param name="rejection">Why the event is invalid; null when it is valid.</param>
    /// <param name="redactions">
    /// Paths of the fields whose card numbers were masked (e.g. <c>query.description</c>,
    /// <c>query.recordIds[2]</c>); empty when nothing was masked or the event is invalid.
    /// </param>
    /// <returns>True when the event is valid (possibly after masking).</returns>
    public bool TrySerialize(
        AuditEvent auditEvent, out string json, [NotNullWhen(false)] out Rejection? rejection, out IReadOnlyList<string> redactions)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        json = JsonSerializer.Serialize(auditEvent, AuditEventJsonContext.Default.AuditEvent);
        if (CardNumberDetector.ContainsCardNumber(json))
        {
            // Rare: take the writer's own path on the body, so the verdict cannot differ.
            var result = ValidateRedacted(json, checkSize: true, out var masked);
            rejection = result.Rejection;
            redactions = result.Redactions;
            if (result.IsValid)
            {
                json = masked;
            }

            return result.IsValid;
        }

        redactions = [];
        rejection = CheckSize(json) ?? CheckObject(auditEvent, escaped: json.Contains('\\', StringComparison.Ordinal));
        return rejection is null;
    }

    /// <summary>True when any decoded string or member name in <paramref name="element"/> holds a card number.</summary>
    internal static bool StringsContainCardNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => CardNumberDetector.ContainsCardNumber(element.GetString()),
        JsonValueKind.Array => element.EnumerateArray().Any(StringsContainCardNumber),
        JsonValueKind.Object => element.EnumerateObject().Any(p => CardNumberDetector.ContainsCardNumber(p.Name) || StringsContainCardNumber(p.Value)),
        _ => false,
    };

    private Rejection? CheckObject(AuditEvent auditEvent, bool escaped)
    {
        var source = new ObjectEventSource(auditEvent);
        var rejection = new EventReader<ObjectEventSource>(source, _limits).Read();

        // As in Read: strings the serializer escaped are checked decoded as well.
        return rejection is null && escaped && source.ContainsCardNumber() ? CardNumberBehindNestedEscapes : rejection;
    }

    /// <summary>Reads a parsed message that holds no card number in its raw text.</summary>
    private ValidationResult Read(JsonElement root, bool escaped, IReadOnlyList<string>? redactions = null)
    {
        try
        {
            var reader = new EventReader<JsonEventSource>(new JsonEventSource(root), _limits);
            if (reader.Read() is { } rejection)
            {
                return ValidationResult.Invalid(rejection);
            }

            var auditEvent = reader.Source.ToEvent();

            // The raw-text reading decodes one level of escapes. A card number spelled through
            // escapes of escapes (\u005cu0034...) shows only in the decoded strings: it cannot be
            // masked in the text, so such an event is refused.
            return escaped && new ObjectEventSource(auditEvent).ContainsCardNumber()
                ? ValidationResult.Invalid(CardNumberBehindNestedEscapes)
                : ValidationResult.Valid(auditEvent, redactions ?? []);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString throws when an escaped string is not valid UTF-16.
            return ValidationResult.Invalid(RejectionCode.InvalidField, "a string contains an invalid Unicode escape (lone surrogate)");
        }
    }

    /// <summary>
    /// Masks the card numbers of <paramref name="payload"/> and judges the masked message.
    /// <paramref name="masked"/> is the masked payload.
    /// </summary>
    private ValidationResult ValidateRedacted(string payload, bool checkSize, out string masked)
    {
        masked = CardNumberDetector.Mask(payload).Masked;
        if (checkSize && CheckSize(masked) is { } oversize)
        {
            return ValidationResult.Invalid(oversize);
        }

        var originalIsJson = TryParse(payload, out var original, out _);
        using (original)
        {
            if (!TryParse(masked, out var redacted, out var notJson))
            {
                // Masking touched something other than string contents: a number, or the syntax.
                return ValidationResult.Invalid(originalIsJson ? CardNumberOutsideStrings : notJson);
            }

            using (redacted)
            {
                if (!originalIsJson)
                {
                    return ValidationResult.Invalid(CardNumberOutsideStrings);
                }

                var paths = new List<string>();
                RedactedPaths.Collect(original!.RootElement, redacted.RootElement, paths);
                if (paths.Contains("eventId"))
                {
                    return ValidationResult.Invalid(CardNumberInEventId);
                }

                return Read(redacted.RootElement, escaped: masked.Contains('\\', StringComparison.Ordinal), paths);
            }
        }
    }

    private Rejection? CheckSize(string payload)
    {
        var byteCount = Encoding.UTF8.GetByteCount(payload);
        return byteCount > _limits.MaxEventBytes
            ? new Rejection(RejectionCode.Oversize, $"payload is {byteCount} bytes; the limit is {_limits.MaxEventBytes} bytes")
            : null;
    }

    private static bool TryParse(string payload, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out Rejection? rejection)
    {
        try
        {
            document = JsonDocument.Parse(payload, ParseOptions);
            rejection = null;
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            rejection = new Rejection(RejectionCode.NotJson, $"payload is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            return false;
        }
    }

    internal static int CountCodePoints(string value)
    {
        // Most text has no surrogate pairs: one vectorized search settles it.
        var firstSurrogate = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (firstSurrogate < 0)
        {
            return value.Length;
        }

        var count = firstSurrogate;
        for (var i = firstSurrogate; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    internal static bool IsIdentifier(string value, int maxLength) =>
        value.Length >= 1 && value.Length <= maxLength && !value.AsSpan().ContainsAnyExceptInRange('!', '~');

    internal static bool IsEventId(string value) =>
        value.Length is >= 1 and <= 128 && char.IsAsciiLetterOrDigit(value[0]) && !value.AsSpan().ContainsAnyExcept(EventIdCharacters);

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
            // IPAddress.IsValid parses without allocating. An IPv6 address holds dots only in a
            // trailing IPv4 part, so a dot before the first colon means IPv4 with a port, not IPv6.
            var dot = value.IndexOf('.', StringComparison.Ordinal);
            return value.AsSpan().IndexOfAny(NotInIpv6) < 0
                && (dot < 0 || dot > value.IndexOf(':', StringComparison.Ordinal))
                && IPAddress.IsValid(value);
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
