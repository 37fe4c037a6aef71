namespace PaymentAudit.Client.Internal;

/// <summary>
/// The waiting events of one message group, oldest first. The head stays in the queue while it is
/// in flight or backing off, so nothing later in the group can be sent before it is settled.
/// Owned by the dispatcher loop.
/// </summary>
internal sealed class GroupQueue(string groupId)
{
    public string GroupId { get; } = groupId;

    public Queue<PendingEntry> Pending { get; } = new();

    /// <summary>The head is in a <c>SendMessageBatch</c> call.</summary>
    public bool InFlight { get; set; }

    /// <summary>The head failed transiently and waits for its backoff to end.</summary>
    public bool BackingOff { get; set; }

    /// <summary>The group is listed as ready (its head may join the next batch).</summary>
    public bool Listed { get; set; }

    public bool CanSend => !InFlight && !BackingOff && Pending.Count > 0;
}
