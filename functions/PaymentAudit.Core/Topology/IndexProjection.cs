namespace PaymentAudit.Core.Topology;

/// <summary>Which attributes a global secondary index copies from the table, beyond the keys it always holds.</summary>
public enum IndexProjection
{
    /// <summary>Only the table's and the index's key attributes.</summary>
    KeysOnly,

    /// <summary>The keys plus the listed attributes.</summary>
    Include,

    /// <summary>Every attribute.</summary>
    All,
}
