namespace PaymentAudit.Core.Topology;

/// <summary>Attribute names of items in the audit table, including the seed schema's five.</summary>
public static class AuditItemAttributes
{
    /// <summary>Partition key.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort key.</summary>
    public const string SortKey = "sk";

    /// <summary>Chain id (format 1 items only; later formats take it from the partition key).</summary>
    public const string ChainId = "chainId";

    /// <summary>Sequence number (format 1 items only; later formats take it from the sort key).</summary>
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

    /// <summary>When the writer stored the record (format 1 items only; later formats keep it in the body).</summary>
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

    /// <summary>On chain directory items: when the chain's first record was about to be written.</summary>
    public const string RegisteredAt = "registeredAt";
}
