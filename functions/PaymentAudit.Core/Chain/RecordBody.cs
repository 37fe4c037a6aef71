using System.Buffers;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Contract;

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

    /// <summary>Writes the canonical body into <paramref name="output"/>.</summary>
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

        w.WriteString("messageId", entry.MessageId);
        w.WriteString("receivedAt", receivedAt);
        if (entry.Rejection is { } rejection)
        {
            w.WritePropertyName("rejection");
            w.StartObject();
            w.WriteString("code", rejection.CodeName);
            var payload = entry.Payload!;
            w.WriteString("payload", payload.Text);
            if (payload.Truncated)
            {
                w.WriteString("payloadSha256", payload.Sha256!);
                w.WritePropertyName("payloadTruncated");
                w.WriteBoolean(true);
            }

            w.WriteString("reason", rejection.Reason);
            w.EndObject();
        }

        w.WriteNumber("seq", seq);
        w.WriteString("status", entry.Event is null ? RecordStatus.Rejected : RecordStatus.Accepted);
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
