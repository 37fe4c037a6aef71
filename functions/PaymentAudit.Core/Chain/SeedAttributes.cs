using System.Text.Json;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// The five attributes of the original specification, stored verbatim on every record so the
/// table reads as that specification describes it.
/// </summary>
/// <param name="UserId"><c>user_id</c>: the actor's id.</param>
/// <param name="Timestamp"><c>timestamp</c>: when it happened, fixed-width UTC (see <see cref="Rfc3339.SortableFormat"/>).</param>
/// <param name="QueryRecordId"><c>query_record_id</c>: the first queried record id, else the query description, else the payment id.</param>
/// <param name="ResponseRecordIds"><c>response_record_ids</c>: ids of the records returned.</param>
/// <param name="QueryResult"><c>query_result</c>: success, failure or denied.</param>
public sealed record SeedAttributes(
    string UserId,
    string Timestamp,
    string QueryRecordId,
    IReadOnlyList<string> ResponseRecordIds,
    string QueryResult)
{
    /// <summary>Placeholder for a value a quarantined payload did not provide.</summary>
    public const string Unknown = "(unknown)";

    /// <summary>Projects an accepted event onto the seed attributes.</summary>
    public static SeedAttributes From(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!Rfc3339.TryParseUtc(auditEvent.OccurredAt, out var occurredAt))
        {
            throw new ArgumentException("occurredAt of a validated event must parse.", nameof(auditEvent));
        }

        var queried = auditEvent.Query?.RecordIds is { Count: > 0 } ids ? ids[0]
            : auditEvent.Query?.Description ?? auditEvent.Payment?.PaymentId ?? Unknown;
        return new SeedAttributes(
            auditEvent.Actor.Id,
            Rfc3339.ToSortable(occurredAt),
            queried,
            auditEvent.Response?.RecordIds ?? [],
            auditEvent.Outcome.Result);
    }

    /// <summary>
    /// Projection of a quarantined message: the sender's actor id when it could be read (so the
    /// sender shows on the actor timeline), the receive time, and placeholders for the rest.
    /// </summary>
    public static SeedAttributes FromRejected(string? actorId, string receivedAt) =>
        new(actorId ?? Unknown, receivedAt, Unknown, [], Unknown);

    /// <summary>The <c>actor.id</c> of a JSON payload, when it has a readable one (format 1 bodies keep the whole payload).</summary>
    public static string? ReadActorId(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("actor", out var actor)
                && actor.ValueKind == JsonValueKind.Object
                && actor.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } value
                && AuditEventValidator.IsIdentifier(value, 128))
            {
                return value;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return null;
    }
}
