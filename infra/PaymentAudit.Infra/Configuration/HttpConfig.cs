namespace PaymentAudit.Infra.Configuration;

/// <summary>
/// Settings of the HTTP ingestion API (API Gateway REST API in front of the audit queue): stage
/// throttling, the usage plan, the access log and the API's alarms.
/// </summary>
public sealed record HttpConfig
{
    /// <summary>Steady-state requests per second the stage accepts across all callers (1-10000); more get 429.</summary>
    public required int ThrottleRateLimit { get; init; }

    /// <summary>Requests the stage accepts in a burst above the rate (1-5000), at least the rate limit.</summary>
    public required int ThrottleBurstLimit { get; init; }

    /// <summary>
    /// Requests per day the usage plan allows one API key (at least 1). Keys are not required
    /// unless <see cref="ApiKeyRequired"/> is true; the quota then applies to each application's key.
    /// </summary>
    public required int DailyQuotaPerKey { get; init; }

    /// <summary>
    /// Require an API key (of the usage plan) besides the SigV4 signature, so that the plan's
    /// throttle and quota apply per application. False: the stage throttle is the only limit.
    /// </summary>
    public required bool ApiKeyRequired { get; init; }

    /// <summary>Retention of the JSON access log group; must be a value CloudWatch Logs accepts.</summary>
    public required int AccessLogRetentionDays { get; init; }

    /// <summary>Alarm when more than this percentage of requests in five minutes end in a 5xx (0-100).</summary>
    public required int ServerErrorRatePercent { get; init; }

    /// <summary>Alarm when more than this many requests in five minutes are throttled (429).</summary>
    public required int ThrottledRequests { get; init; }
}
