namespace PaymentAudit.Core.Chain;

/// <summary>Stored status of a chain record.</summary>
public static class RecordStatus
{
    /// <summary>A valid audit event.</summary>
    public const string Accepted = "accepted";

    /// <summary>A quarantined message, stored with the reason it was refused.</summary>
    public const string Rejected = "rejected";
}
