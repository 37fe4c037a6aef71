using System.Text.Json;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// What a record body says about itself: re-derived from the canonical JSON alone, so that
/// verification can compare it with the attributes stored beside the body.
/// </summary>
/// <param name="ChainId">Chain id written in the body.</param>
/// <param name="Seq">Sequence number written in the body.</param>
/// <param name="Status">Status written in the body.</param>
/// <param name="EventId">Event id of an accepted record.</param>
/// <param name="EventType">Event type of an accepted record.</param>
/// <param name="ReceivedAt">Receive time written in the body.</param>
/// <param name="Seed">Seed attributes derived the same way the writer derives them.</param>
public sealed record RecordProjection(
    string ChainId,
    long Seq,
    string Status,
    string? EventId,
    string? EventType,
    string ReceivedAt,
    SeedAttributes Seed)
{
    /// <summary>Reads a body; returns null with a reason when it cannot be understood.</summary>
    public static RecordProjection? TryRead(string body, AuditEventValidator validator, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(validator);
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var chainId = root.GetProperty("chainId").GetString()!;
            var seq = root.GetProperty("seq").GetInt64();
            var status = root.GetProperty("status").GetString()!;
            var receivedAt = root.GetProperty("receivedAt").GetString()!;
            if (status == RecordStatus.Accepted)
            {
                var result = validator.Validate(root.GetProperty("event"));
                if (!result.IsValid)
                {
                    problem = $"stored event no longer satisfies the contract: {result.Rejection}";
                    return null;
                }

                var e = result.Event;
                return new RecordProjection(chainId, seq, status, e.EventId, e.EventType, receivedAt, SeedAttributes.From(e));
            }

            if (status == RecordStatus.Rejected)
            {
                var payload = root.GetProperty("rejection").GetProperty("payload").GetString()!;
                return new RecordProjection(chainId, seq, status, null, null, receivedAt, SeedAttributes.FromRejected(payload, receivedAt));
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
