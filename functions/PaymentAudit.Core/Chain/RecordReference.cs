namespace PaymentAudit.Core.Chain;

/// <summary>A payment record an event touched, and how: feeds the "who accessed record R" index.</summary>
/// <param name="RecordId">The payment record's id.</param>
/// <param name="Kind"><c>queried</c>, <c>returned</c> or <c>processed</c>.</param>
public sealed record RecordReference(string RecordId, string Kind)
{
    /// <summary>The record was asked for.</summary>
    public const string Queried = "queried";

    /// <summary>The record was in the response.</summary>
    public const string Returned = "returned";

    /// <summary>The record is the processed payment.</summary>
    public const string Processed = "processed";
}
