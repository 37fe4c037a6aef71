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
public sealed class AuditEventValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    private static readonly Rejection CardNumberRejection = new(
        RejectionCode.ForbiddenContent,
        "payload contains a card number (Luhn-valid 13-19 digit sequence); audit events must never carry PANs");

    /// <summary>Zone ids, brackets and prefix lengths, which IPAddress accepts but the schema's 'ipv6' does not.</summary>
    private static readonly SearchValues<char> EventIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    private static readonly SearchValues<char> NotInIpv6 = SearchValues.Create("%[]/");

    private readonly ValidationLimits _limits;

    /// <summary>Creates a validator with the given limits (default: the published ones).</summary>
    public AuditEventValidator(ValidationLimits? limits = null) => _limits = limits ?? ValidationLimits.Default;

    /// <summary>Validates a message body.</summary>
    public ValidationResult Validate(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (CheckText(payload) is { } textRejection)
        {
            return ValidationResult.Invalid(textRejection);
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

            var reader = new EventReader<JsonEventSource>(new JsonEventSource(root), _limits);
            var rejection = reader.Read();
            return rejection is null ? ValidationResult.Valid(reader.Source.ToEvent()) : ValidationResult.Invalid(rejection);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString throws when an escaped string is not valid UTF-16.
            return ValidationResult.Invalid(RejectionCode.InvalidField, "a string contains an invalid Unicode escape (lone surrogate)");
        }
    }

    /// <summary>
    /// Serializes <paramref name="auditEvent"/> as a message body and validates it: the verdict is
    /// the one <see cref="Validate(string)"/> gives that body, reached without parsing it back.
    /// This is how producers check an event before sending it.
    /// </summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="json">The event's JSON (<see cref="AuditEventJsonContext"/>), also when it is invalid.</param>
    /// <param name="rejection">Why the event is invalid; null when it is valid.</param>
    /// <returns>True when the event is valid.</returns>
    public bool TrySerialize(AuditEvent auditEvent, out string json, [NotNullWhen(false)] out Rejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        json = JsonSerializer.Serialize(auditEvent, AuditEventJsonContext.Default.AuditEvent);
        rejection = CheckText(json) ?? CheckObject(auditEvent, escaped: json.Contains('\\', StringComparison.Ordinal));
        return rejection is null;
    }

    private Rejection? CheckObject(AuditEvent auditEvent, bool escaped)
    {
        var source = new ObjectEventSource(auditEvent);

        // As in Validate(JsonElement): strings the serializer escaped are checked decoded as well.
        if (escaped && source.ContainsCardNumber())
        {
            return CardNumberRejection;
        }

        return new EventReader<ObjectEventSource>(source, _limits).Read();
    }

    /// <summary>The checks made on the raw text before parsing: card numbers, then size.</summary>
    private Rejection? CheckText(string payload)
    {
        if (CardNumberDetector.ContainsCardNumber(payload))
        {
            return CardNumberRejection;
        }

        var byteCount = Encoding.UTF8.GetByteCount(payload);
        return byteCount > _limits.MaxEventBytes
            ? new Rejection(RejectionCode.Oversize, $"payload is {byteCount} bytes; the limit is {_limits.MaxEventBytes} bytes")
            : null;
    }

    private static ValidationResult ForbiddenCardNumber() => ValidationResult.Invalid(CardNumberRejection);

    /// <summary>True when any decoded string or member name in <paramref name="element"/> holds a card number.</summary>
    internal static bool StringsContainCardNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => CardNumberDetector.ContainsCardNumber(element.GetString()),
        JsonValueKind.Array => element.EnumerateArray().Any(StringsContainCardNumber),
        JsonValueKind.Object => element.EnumerateObject().Any(p => CardNumberDetector.ContainsCardNumber(p.Name) || StringsContainCardNumber(p.Value)),
        _ => false,
    };

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
