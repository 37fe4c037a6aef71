using System.Text.Json.Nodes;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// Records in the first body format, as the transactional writer stored them (no <c>format</c>
/// member, the whole quarantined payload in <c>rejection.payload</c>), built by hand from that
/// format's description so later releases are held to it.
/// </summary>
public static class FormatOneChain
{
    /// <summary>An accepted format 1 record after <paramref name="previous"/>.</summary>
    public static ChainRecord Accepted(string chainId, ChainHead previous, string messageId, AuditEvent auditEvent)
    {
        var body = new JsonObject
        {
            ["chainId"] = chainId,
            ["event"] = JsonNode.Parse(Some.Json(auditEvent)),
            ["messageId"] = messageId,
            ["receivedAt"] = Some.ReceivedAt,
            ["seq"] = previous.Seq + 1,
            ["status"] = RecordStatus.Accepted,
        };
        return Record(chainId, previous, body, RecordStatus.Accepted, auditEvent.EventId, auditEvent.EventType, SeedAttributes.From(auditEvent));
    }

    /// <summary>A quarantined format 1 record after <paramref name="previous"/>.</summary>
    public static ChainRecord Rejected(string chainId, ChainHead previous, string messageId, string payload)
    {
        var body = new JsonObject
        {
            ["chainId"] = chainId,
            ["messageId"] = messageId,
            ["receivedAt"] = Some.ReceivedAt,
            ["rejection"] = new JsonObject { ["code"] = "not_json", ["payload"] = payload, ["reason"] = "payload is not valid JSON" },
            ["seq"] = previous.Seq + 1,
            ["status"] = RecordStatus.Rejected,
        };
        var seed = SeedAttributes.FromRejected(SeedAttributes.ReadActorId(payload), Some.ReceivedAt);
        return Record(chainId, previous, body, RecordStatus.Rejected, null, null, seed);
    }

    private static ChainRecord Record(string chainId, ChainHead previous, JsonObject body, string status, string? eventId, string? eventType, SeedAttributes seed)
    {
        var canonical = JsonCanonicalizer.Canonicalize(body.ToJsonString());
        return new ChainRecord(
            chainId, previous.Seq + 1, status, eventId, eventType, Some.ReceivedAt, seed, canonical, previous.Hash, RecordHasher.Compute(canonical, previous.Hash));
    }
}
