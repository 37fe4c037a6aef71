namespace PaymentAudit.Core.Ports;

/// <summary>Outcome of one conditional append.</summary>
public enum AppendStatus
{
    /// <summary>The record is stored at its position.</summary>
    Appended,

    /// <summary>
    /// Nothing was stored: the position is taken (another writer, or a stale cached tail). The
    /// chain moved on; re-read the tail and decide again.
    /// </summary>
    PositionTaken,
}
