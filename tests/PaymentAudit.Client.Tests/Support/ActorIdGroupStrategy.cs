using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client.Tests.Support;

/// <summary>One group per actor, named after it, so tests choose exactly which events share a group.</summary>
public sealed class ActorIdGroupStrategy : IMessageGroupStrategy
{
    public string GetMessageGroupId(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return auditEvent.Actor.Id;
    }
}
