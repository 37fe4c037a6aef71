namespace PaymentAudit.Testing.DynamoDb;

/// <summary>What a <see cref="FaultInjectingHandler"/> does to a request it picks.</summary>
public enum FaultKind
{
    /// <summary>Answers 400 ProvisionedThroughputExceededException without forwarding.</summary>
    Throttle,

    /// <summary>Answers 500 InternalServerError without forwarding.</summary>
    ServerError,

    /// <summary>Forwards the request (it takes effect), then loses the response: a crash after commit.</summary>
    LoseResponseAfterCommit,
}
