namespace PaymentAudit.Http.Ingestion;

/// <summary>What a route answers: a status, a body, and whether to ask for a retry later.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">One of the <see cref="Responses"/> records.</param>
/// <param name="RetryLater">Send a Retry-After header.</param>
internal sealed record Answer(int Status, object Body, bool RetryLater = false);
