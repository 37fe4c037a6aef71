using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client.Internal;

/// <summary>Puts every event in one group: one totally ordered chain.</summary>
internal sealed class SingleGroupStrategy : IMessageGroupStrategy
{
    private readonly string _groupId;

    public SingleGroupStrategy(string groupId)
    {
        if (!MessageGroupIds.IsValid(groupId))
        {
            throw new ArgumentException("A message group id must be 1-128 letters, digits or ASCII punctuation characters.", nameof(groupId));
        }

        _groupId = groupId;
    }

    public string GetMessageGroupId(AuditEvent auditEvent) => _groupId;
}
