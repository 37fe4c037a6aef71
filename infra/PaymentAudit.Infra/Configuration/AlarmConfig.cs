namespace PaymentAudit.Infra.Configuration;

/// <summary>
/// Alarm thresholds. Every alarm fires when its metric, summed (or at its maximum for ages) over
/// five minutes, is greater than the threshold; the indexer's alarms count per hour, because the
/// indexer runs only a few times an hour. The dead-letter queue alarms have no threshold: one
/// message there is always an incident.
/// </summary>
public sealed record AlarmConfig
{
    /// <summary>E-mail address subscribed to the alarm topic, or null for none.</summary>
    public required string? Email { get; init; }

    /// <summary>Age in seconds of the oldest message in the audit queue.</summary>
    public required int OldestMessageAgeSeconds { get; init; }

    /// <summary>Writer invocation errors per five minutes.</summary>
    public required int WriterErrors { get; init; }

    /// <summary>Writer throttles per five minutes.</summary>
    public required int WriterThrottles { get; init; }

    /// <summary>Throttled DynamoDB requests on the audit table per five minutes.</summary>
    public required int TableThrottledRequests { get; init; }

    /// <summary>DynamoDB system errors on the audit table per five minutes.</summary>
    public required int TableSystemErrors { get; init; }

    /// <summary>Events the writer rejected (its <c>Rejected</c> metric) per five minutes.</summary>
    public required int RejectedEvents { get; init; }

    /// <summary>
    /// Events that repeated a stored event id with different content (the writer's
    /// <c>ConflictingDuplicate</c> metric) per five minutes. Prod: 0, because a conflicting duplicate
    /// is either a sender bug or an attempt to rewrite a record.
    /// </summary>
    public required int ConflictingDuplicates { get; init; }

    /// <summary>Events the writer could not store and returned to the queue (its <c>Failed</c> metric) per five minutes.</summary>
    public required int FailedEvents { get; init; }

    /// <summary>Failed history indexer runs (Lambda <c>Errors</c>) per hour.</summary>
    public required int IndexerErrors { get; init; }

    /// <summary>
    /// Chains whose next record does not link to the last indexed one (the indexer's
    /// <c>IndexProblems</c> metric, the most any run reported in an hour). Prod: 0, because a chain
    /// that does not link is a tamper signal: verify it before anything else.
    /// </summary>
    public required int IndexProblems { get; init; }
}
