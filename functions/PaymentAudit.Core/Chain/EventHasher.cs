using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// The content hash of an event: SHA-256 of its RFC 8785 canonical JSON, lowercase hex. Two
/// deliveries of one event hash alike; an event id reused for other content does not.
/// </summary>
public static class EventHasher
{
    /// <summary>Hash of an event object, as the writer links it.</summary>
    public static string Compute(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var buffer = new ArrayBufferWriter<byte>(1024);
        RecordBody.WriteEvent(new CanonicalJsonWriter(buffer), auditEvent);
        return Hash(buffer.WrittenSpan);
    }

    /// <summary>Hash of an event read back from a stored body.</summary>
    public static string Compute(JsonElement storedEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        JsonCanonicalizer.Write(storedEvent, new CanonicalJsonWriter(buffer));
        return Hash(buffer.WrittenSpan);
    }

    private static string Hash(ReadOnlySpan<byte> canonical)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(canonical, digest);
        return Convert.ToHexStringLower(digest);
    }
}
