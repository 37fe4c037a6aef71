namespace PaymentAudit.Writer.Processing;

/// <summary>What happened to one message of a batch.</summary>
public enum MessageOutcome
{
    /// <summary>Stored as an accepted record.</summary>
    Accepted,

    /// <summary>Stored as a rejected (quarantined) record with its reason.</summary>
    Rejected,

    /// <summary>Already stored by an earlier delivery; nothing new written.</summary>
    Duplicate,

    /// <summary>
    /// A valid event whose id is already stored with different content: stored as a rejected
    /// record (<c>conflicting_duplicate</c>) naming the original.
    /// </summary>
    ConflictingDuplicate,

    /// <summary>Not stored; reported as a batch item failure so SQS delivers it again.</summary>
    Failed,
}
