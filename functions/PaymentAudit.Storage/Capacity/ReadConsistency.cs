namespace PaymentAudit.Storage.Capacity;

/// <summary>How a read is made, which decides what it costs per 4 KB read.</summary>
public enum ReadConsistency
{
    /// <summary>Eventually consistent (the default of GetItem, Query and Scan; the only kind a GSI offers): half a unit.</summary>
    Eventual,

    /// <summary>Strongly consistent (<c>ConsistentRead = true</c>): one unit.</summary>
    Strong,

    /// <summary>Transactional (TransactGetItems, or a replayed TransactWriteItems): two units.</summary>
    Transactional,
}
