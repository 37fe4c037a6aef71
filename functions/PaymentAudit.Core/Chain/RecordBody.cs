using System.Buffers;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// Writes a record's canonical body (RFC 8785). Members are emitted in canonical order by hand,
/// which avoids a parse-and-sort on the hot path; a test pins that the output is a fixed point
/// of <see cref="JsonCanonicalizer"/>.
/// </summary>
public static class RecordBody
{
    /// <summary>Writes the canonical body of <paramref name="entry"/> at position <paramref name="seq"/>.</summary>
    public static byte[] Write(string chainId, long seq, string receivedAt, ChainEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        Write(chainId, seq, receivedAt, entry, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the canonical body (format <see cref="RecordFormat.Current"/>) into
    /// <paramref name="output"/>: <c>{chainId, event | rejection, format, messageId, receivedAt,
    /// redacted?, seq, status}</c>, members in RFC 8785 order.
    /// </summary>
    public static void Write(string chainId, long seq, string receivedAt, ChainEntry entry, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var w = new CanonicalJsonWriter(output);
        w.StartObject();
        w.WriteString("chainId", chainId);
        if (entry.Event is { } auditEvent)
        {
            w.WritePropertyName("event");
            WriteEvent(w, auditEvent);
        }

        w.WriteNumber("format", RecordFormat.Current);
        w.WriteString("messageId", entry.MessageId);
        w.WriteString("receivedAt", receivedAt);
        if (entry.Redactions.Count > 0)
        {
            w.WriteStringArray("redacted", entry.Redactions);
        }

        if (entry.Rejection is { } rejection)
        {
            w.WritePropertyName("rejection");
            WriteRejection(w, rejection, entry.Payload!, entry.DuplicateOf, entry.EventHash);
        }

        w.WriteNumber("seq", seq);
        w.WriteString("status", entry.IsAccepted ? RecordStatus.Accepted : RecordStatus.Rejected);
        w.EndObject();
    }

    private static void WriteRejection(CanonicalJsonWriter w, Rejection rejection, QuarantinedPayload payload, DuplicateOf? duplicateOf, string? eventHash)
    {
        w.StartObject();
        if (payload.ActorId is { } actorId)
        {
            w.WriteString("actorId", actorId);
        }

        w.WriteString("code", rejection.CodeName);
        if (duplicateOf is not null)
        {
            w.WritePropertyName("duplicateOf");
            w.StartObject();
            w.WriteString("chainId", duplicateOf.ChainId);
            w.WriteString("eventHash", duplicateOf.EventHash);
            w.WriteNumber("seq", duplicateOf.Seq);
            w.EndObject();
        }

        if (eventHash is not null)
        {
            w.WriteString("eventHash", eventHash);
        }

        w.WriteNumber("payloadBytes", payload.PayloadBytes);
        w.WriteString("payloadSha256", payload.Sha256);
        w.WriteString("preview", payload.Preview);
        if (payload.PreviewTruncated)
        {
            w.WritePropertyName("previewTruncated");
            w.WriteBoolean(true);
        }

        w.WriteString("reason", rejection.Reason);
        w.EndObject();
    }

    /// <summary>Writes an event's canonical JSON (members in UTF-16 order, nulls omitted).</summary>
    public static void WriteEvent(CanonicalJsonWriter w, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(auditEvent);
        w.StartObject();
        w.WritePropertyName("actor");
        w.StartObject();
        w.WriteString("id", auditEvent.Actor.Id);
        w.WriteString("type", auditEvent.Actor.Type);
        w.EndObject();
        w.WriteString("eventId", auditEvent.EventId);
        w.WriteString("eventType", auditEvent.EventType);
        w.WriteString("occurredAt", auditEvent.OccurredAt);
        w.WritePropertyName("origin");
        w.StartObject();
        WriteOptional(w, "ip", auditEvent.Origin.Ip);
        WriteOptional(w, "requestId", auditEvent.Origin.RequestId);
        w.WriteString("service", auditEvent.Origin.Service);
        w.EndObject();
        w.WritePropertyName("outcome");
        w.StartObject();
        WriteOptional(w, "reason", auditEvent.Outcome.Reason);
        w.WriteString("result", auditEvent.Outcome.Result);
        w.EndObject();
        if (auditEvent.Payment is { } payment)
        {
            w.WritePropertyName("payment");
            w.StartObject();
            w.WriteString("amount", payment.Amount);
            w.WriteString("currency", payment.Currency);
            w.WriteString("paymentId", payment.PaymentId);
            w.EndObject();
        }

        if (auditEvent.Query is { } query)
        {
            w.WritePropertyName("query");
            w.StartObject();
            WriteOptional(w, "description", query.Description);
            if (query.RecordIds is { } queried)
            {
                w.WriteStringArray("recordIds", queried);
            }

            w.EndObject();
        }

        if (auditEvent.Response is { } response)
        {
            w.WritePropertyName("response");
            w.StartObject();
            w.WriteStringArray("recordIds", response.RecordIds);
            w.EndObject();
        }

        w.WriteNumber("schemaVersion", auditEvent.SchemaVersion);
        w.EndObject();
    }

    private static void WriteOptional(CanonicalJsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
