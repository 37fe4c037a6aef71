namespace PaymentAudit.Core.Topology;

/// <summary>Attribute names of items in the audit table, including the seed schema's five.</summary>
public static class AuditItemAttributes
{
    /// <summary>Partition key.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort key.</summary>
    public const string SortKey = "sk";

    /// <summary>Chain (message group) id.</summary>
    public const string ChainId = "chainId";

    /// <summary>Sequence number within the chain, starting at 1.</summary>
    public const string Seq = "seq";

    /// <summary><c>accepted</c> or <c>rejected</c>.</summary>
    public const string Status = "status";

    /// <summary>Client-generated event id.</summary>
    public const string EventId = "eventId";

    /// <summary>Event type, e.g. <c>payment.record.viewed</c>.</summary>
    public const string EventType = "eventType";

    /// <summary>Canonical JSON (RFC 8785) of the record: the bytes that are hashed.</summary>
    public const string Body = "body";

    /// <summary>Hash of the previous record in the chain (lowercase hex).</summary>
    public const string PrevHash = "prevHash";

    /// <summary>SHA-256 of body followed by prevHash (lowercase hex).</summary>
    public const string Hash = "hash";

    /// <summary>When the writer stored the record.</summary>
    public const string ReceivedAt = "receivedAt";

    /// <summary>Seed schema: who accessed.</summary>
    public const string UserId = "user_id";

    /// <summary>Seed schema: when (UTC, fixed-width round-trip format so it sorts).</summary>
    public const string Timestamp = "timestamp";

    /// <summary>Seed schema: which record was queried.</summary>
    public const string QueryRecordId = "query_record_id";

    /// <summary>Seed schema: which records were returned (a list).</summary>
    public const string ResponseRecordIds = "response_record_ids";

    /// <summary>Seed schema: the result of the access.</summary>
    public const string QueryResult = "query_result";

    /// <summary>On index items: how the record was referenced (queried, returned, processed).</summary>
    public const string Reference = "reference";

    /// <summary>On index items: who accessed the record. Not <c>user_id</c>, so index items stay out of the actor index.</summary>
    public const string AccessedBy = "accessedBy";

    /// <summary>On index items: when (sortable UTC). Not <c>timestamp</c>, for the same reason.</summary>
    public const string AccessedAt = "accessedAt";

    /// <summary>On index items: the referenced payment record id.</summary>
    public const string RecordId = "recordId";
}
