namespace PaymentAudit.Testing.DynamoDb;

/// <summary>What the requests of one DynamoDB operation cost, as <see cref="CapacityMeter"/> billed them.</summary>
/// <param name="Operation">The operation, e.g. <c>TransactWriteItems</c>.</param>
/// <param name="Requests">Requests that got an answer from DynamoDB, billed or not.</param>
/// <param name="TableWriteUnits">Write units consumed on tables.</param>
/// <param name="IndexWriteUnits">Write units consumed on global secondary indexes.</param>
/// <param name="ReadUnits">Read units consumed (tables and indexes).</param>
/// <param name="ConditionalCheckFailures">Single-item writes whose condition failed (billed, nothing written).</param>
/// <param name="CancelledTransactions">Transactions cancelled because a condition failed (billed, nothing written).</param>
/// <param name="ReplayedTransactions">Transactions repeated with a client token that had already committed (billed as reads).</param>
/// <param name="UnbilledErrors">Requests refused for another reason (throttling, validation, server error), which cost nothing.</param>
/// <param name="EstimatedRequests">Requests whose cost had to be estimated (an update expression, items a filter hid), not computed.</param>
public sealed record OperationCapacity(
    string Operation,
    int Requests,
    long TableWriteUnits,
    long IndexWriteUnits,
    double ReadUnits,
    int ConditionalCheckFailures,
    int CancelledTransactions,
    int ReplayedTransactions,
    int UnbilledErrors,
    int EstimatedRequests)
{
    /// <summary>Table and index write units together.</summary>
    public long WriteUnits => TableWriteUnits + IndexWriteUnits;
}
