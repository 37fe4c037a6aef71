using PaymentAudit.Core.Contract;

namespace PaymentAudit.Local.Demos;

/// <summary>
/// One message of the demo stream: a valid event an application records through the client
/// library, or a raw body a misbehaving application puts on the queue directly.
/// </summary>
/// <param name="Event">The event to record through the client, or null for a raw message.</param>
/// <param name="RawBody">The raw body, for a raw message.</param>
/// <param name="RawGroupId">The message group of a raw message.</param>
/// <param name="RawKind">What is wrong with a raw message (for the report).</param>
public sealed record DemoItem(AuditEvent? Event, string? RawBody = null, string? RawGroupId = null, string? RawKind = null)
{
    /// <summary>True for a raw message that bypasses the client.</summary>
    public bool IsRaw => Event is null;
}
