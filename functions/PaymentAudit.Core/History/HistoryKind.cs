namespace PaymentAudit.Core.History;

/// <summary>The two questions the history index answers.</summary>
public enum HistoryKind
{
    /// <summary>An actor's timeline: what did user U do between t1 and t2. Keyed by actor id.</summary>
    Actor,

    /// <summary>A payment record's history: who queried, received or processed record R. Keyed by record id.</summary>
    Record,
}
