using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client;

/// <summary>
/// Chooses the SQS message group of an event. Each group is one ordered chain in the audit table:
/// events of a group are delivered and stored in order, different groups in parallel. Built-in
/// strategies come from <see cref="MessageGroupStrategy"/>.
/// </summary>
public interface IMessageGroupStrategy
{
    /// <summary>
    /// The message group id for a valid event: 1-128 characters of letters, digits and ASCII
    /// punctuation. Must be deterministic and cheap; it is called once per recorded event.
    /// </summary>
    string GetMessageGroupId(AuditEvent auditEvent);
}
