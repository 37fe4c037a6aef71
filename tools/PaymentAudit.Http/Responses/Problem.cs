namespace PaymentAudit.Http.Responses;

/// <summary>
/// Body of every refusal (400, 413, 415, 503): the validator's rejection code and reason when the
/// event breaks the contract, or a code naming what else went wrong.
/// </summary>
/// <param name="Code">Machine-readable, e.g. <c>missing_field</c>, <c>oversize</c>, <c>queue_unavailable</c>.</param>
/// <param name="Reason">What is wrong and where, for a person; never echoes a field's value.</param>
/// <param name="Index">In a batch, the index of the entry refused; null for the request as a whole.</param>
public sealed record Problem(string Code, string Reason, int? Index = null)
{
    /// <summary>Code of a request whose media type is not JSON.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>Code of a batch body that is not a JSON array of 1-10 elements.</summary>
    public const string InvalidBatch = "invalid_batch";

    /// <summary>Code of a request SQS refused (as the deployed API names it).</summary>
    public const string QueueRefused = "queue_refused";

    /// <summary>Code of a throttled or unavailable queue: retry after the Retry-After header.</summary>
    public const string QueueUnavailable = "queue_unavailable";
}
