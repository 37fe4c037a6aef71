namespace PaymentAudit.Http.Ingestion;

/// <summary>The routes and headers the deployed API and the local endpoint share.</summary>
public static class EventRoutes
{
    /// <summary>One event per request.</summary>
    public const string Events = "/v1/events";

    /// <summary>Up to <see cref="MaxBatchEntries"/> events per request, as a JSON array.</summary>
    public const string Batch = "/v1/events/batch";

    /// <summary>Names the message group (the chain); without it the event's actor id does.</summary>
    public const string GroupHeader = "X-Audit-Group";

    /// <summary>Most events in one batch request: what one SendMessageBatch call takes.</summary>
    public const int MaxBatchEntries = 10;
}
