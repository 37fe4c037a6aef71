namespace PaymentAudit.Core.Ports;

/// <summary>Outcome of one atomic append.</summary>
public enum AppendStatus
{
    /// <summary>Everything was stored and the head moved.</summary>
    Appended,

    /// <summary>Nothing was stored: the head is no longer the expected one (another writer, or a stale cache).</summary>
    HeadMoved,

    /// <summary>Nothing was stored: some entries' guards already exist (redelivered events).</summary>
    AlreadyStored,
}
