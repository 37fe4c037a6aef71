using PaymentAudit.Client.Internal;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Client;

/// <summary>The built-in message group strategies.</summary>
public static class MessageGroupStrategy
{
    /// <summary>The prefix of group ids made by the hashing strategies.</summary>
    public const string DefaultPrefix = "audit-";

    /// <summary>
    /// The default: a stable hash (32-bit FNV-1a over the UTF-8 bytes) of the actor id into
    /// <paramref name="groupCount"/> groups named <c>audit-00</c>, <c>audit-01</c>, ... All events of
    /// one actor stay in one group, so an actor's events keep their order; load spreads over the groups.
    /// The mapping never changes between processes or releases for the same group count.
    /// </summary>
    /// <param name="groupCount">Number of groups, 1 to 1,000.</param>
    public static IMessageGroupStrategy HashOfActor(int groupCount) =>
        new HashedKeyGroupStrategy(static e => e.Actor.Id, groupCount, DefaultPrefix);

    /// <summary>
    /// A stable hash (32-bit FNV-1a over the UTF-8 bytes) of any key of the event into
    /// <paramref name="groupCount"/> groups named <paramref name="prefix"/> followed by the
    /// zero-padded group number.
    /// </summary>
    /// <param name="keySelector">The key whose events must stay in order, e.g. the payment id.</param>
    /// <param name="groupCount">Number of groups, 1 to 1,000.</param>
    /// <param name="prefix">Group id prefix; letters, digits and punctuation, at most 64 characters.</param>
    public static IMessageGroupStrategy HashOf(Func<AuditEvent, string> keySelector, int groupCount, string prefix = DefaultPrefix) =>
        new HashedKeyGroupStrategy(keySelector, groupCount, prefix);

    /// <summary>
    /// Every event in one group: a single, totally ordered chain, at the cost of throughput
    /// (one batch in flight at a time).
    /// </summary>
    /// <param name="groupId">The group id.</param>
    public static IMessageGroupStrategy OneGroup(string groupId) => new SingleGroupStrategy(groupId);
}
