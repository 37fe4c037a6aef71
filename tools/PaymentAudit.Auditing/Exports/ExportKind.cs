namespace PaymentAudit.Auditing.Exports;

/// <summary>The two kinds of DynamoDB table export.</summary>
public enum ExportKind
{
    /// <summary><c>FULL_EXPORT</c>: every item of the table at the export time.</summary>
    Full,

    /// <summary><c>INCREMENTAL_EXPORT</c>: the items changed (put or deleted) from one time to another.</summary>
    Incremental,
}
