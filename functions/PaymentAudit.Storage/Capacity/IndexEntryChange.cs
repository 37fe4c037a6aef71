namespace PaymentAudit.Storage.Capacity;

/// <summary>How a write changed an index entry that exists both before and after it.</summary>
public enum IndexEntryChange
{
    /// <summary>Same index key and same projected values: the index is not written.</summary>
    Unchanged,

    /// <summary>Same index key, other projected values: one write updates the entry.</summary>
    ProjectedAttributesChanged,

    /// <summary>Another index key value: one write deletes the old entry and one puts the new one.</summary>
    IndexKeyChanged,
}
