using System.Text.Json;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// What a record body says about itself, re-derived from the canonical JSON alone (any format), so
/// that verification can compare it with the keys and attributes stored beside the body, and
/// indexes can be rebuilt from it.
/// </summary>
/// <param name="Format">Body format (<see cref="RecordFormat"/>).</param>
/// <param name="ChainId">Chain id written in the body.</param>
/// <param name="Seq">Sequence number written in the body.</param>
/// <param name="Status">Status written in the body.</param>
/// <param name="MessageId">Queue message the record was made from.</param>
/// <param name="ReceivedAt">Receive time written in the body.</param>
/// <param name="Event">The stored event of an accepted record (re-validated).</param>
/// <param name="Seed">Seed attributes derived the same way the writer derives them.</param>
/// <param name="Redactions">Fields whose card numbers were masked before storing.</param>
/// <param name="Quarantine">What the body says of a quarantined message.</param>
public sealed record RecordProjection(
    int Format,
    string ChainId,
    long Seq,
    string Status,
    string MessageId,
    string ReceivedAt,
    AuditEvent? Event,
    SeedAttributes Seed,
    IReadOnlyList<string> Redactions,
    QuarantineDetails? Quarantine)
{
    /// <summary>Event id of an accepted record.</summary>
    public string? EventId => Event?.EventId;

    /// <summary>Event type of an accepted record.</summary>
    public string? EventType => Event?.EventType;

    /// <summary>Reads a body; returns null with a reason when it cannot be understood.</summary>
    public static RecordProjection? TryRead(string body, AuditEventValidator validator, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return TryRead(document.RootElement, validator, out problem);
        }
        catch (JsonException ex)
        {
            problem = $"body is not a readable record ({ex.GetType().Name})";
            return null;
        }
    }

    /// <summary>Reads an already parsed body; returns null with a reason when it cannot be understood.</summary>
    public static RecordProjection? TryRead(JsonElement root, AuditEventValidator validator, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(validator);
        problem = null;
        try
        {
            var format = root.TryGetProperty("format", out var formatElement) ? formatElement.GetInt32() : RecordFormat.Transactional;
            if (!RecordFormat.IsKnown(format))
            {
                problem = $"body has format {format}, which this release does not know";
                return null;
            }

            var chainId = root.GetProperty("chainId").GetString()!;
            var seq = root.GetProperty("seq").GetInt64();
            var status = root.GetProperty("status").GetString()!;
            var messageId = root.GetProperty("messageId").GetString()!;
            var receivedAt = root.GetProperty("receivedAt").GetString()!;
            var redactions = root.TryGetProperty("redacted", out var redacted)
                ? redacted.EnumerateArray().Select(r => r.GetString()!).ToList()
                : (IReadOnlyList<string>)[];
            if (status == RecordStatus.Accepted)
            {
                var stored = root.GetProperty("event");
                var result = validator.Validate(stored);
                if (!result.IsValid)
                {
                    problem = $"stored event no longer satisfies the contract: {result.Rejection}";
                    return null;
                }

                var e = result.Event;
                return new RecordProjection(format, chainId, seq, status, messageId, receivedAt, e, SeedAttributes.From(e), redactions, null);
            }

            if (status == RecordStatus.Rejected)
            {
                var rejection = root.GetProperty("rejection");
                var code = rejection.GetProperty("code").GetString()!;
                if (format == RecordFormat.Transactional)
                {
                    var payload = rejection.GetProperty("payload").GetString()!;
                    return new RecordProjection(
                        format, chainId, seq, status, messageId, receivedAt, null,
                        SeedAttributes.FromRejected(SeedAttributes.ReadActorId(payload), receivedAt), redactions,
                        new QuarantineDetails(code, null, null, false, null, null));
                }

                var actorId = rejection.TryGetProperty("actorId", out var actor) ? actor.GetString() : null;
                var duplicateOf = rejection.TryGetProperty("duplicateOf", out var original)
                    ? new DuplicateOf(original.GetProperty("chainId").GetString()!, original.GetProperty("seq").GetInt64(), original.GetProperty("eventHash").GetString()!)
                    : null;
                var details = new QuarantineDetails(
                    code,
                    rejection.GetProperty("payloadSha256").GetString(),
                    rejection.GetProperty("payloadBytes").GetInt64(),
                    rejection.TryGetProperty("previewTruncated", out var truncated) && truncated.GetBoolean(),
                    duplicateOf,
                    rejection.TryGetProperty("eventHash", out var eventHash) ? eventHash.GetString() : null);
                return new RecordProjection(
                    format, chainId, seq, status, messageId, receivedAt, null, SeedAttributes.FromRejected(actorId, receivedAt), redactions, details);
            }

            problem = $"unknown status '{status}'";
            return null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problem = $"body is not a readable record ({ex.GetType().Name})";
            return null;
        }
    }
}
