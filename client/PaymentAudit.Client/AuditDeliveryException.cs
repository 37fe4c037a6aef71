namespace PaymentAudit.Client;

/// <summary>
/// SQS did not accept an event: the retry limit was reached, the error is permanent (for example
/// the queue does not exist or access is denied), or the trail was disposed before acceptance.
/// The event may be recorded again with the same id: the queue deduplicates it.
/// </summary>
public sealed class AuditDeliveryException : Exception
{
    /// <summary>Creates the exception for <paramref name="eventId"/>.</summary>
    /// <param name="eventId">The event that was not accepted.</param>
    /// <param name="attempts">How many times it was sent.</param>
    /// <param name="errorCode">SQS's error code, or a short description of the local cause.</param>
    /// <param name="reason">What went wrong, for a person.</param>
    /// <param name="innerException">The SDK's exception, when the whole call failed.</param>
    public AuditDeliveryException(string eventId, int attempts, string errorCode, string reason, Exception? innerException = null)
        : base($"Audit event '{eventId}' was not accepted by SQS after {attempts} attempt(s): {errorCode}: {reason}", innerException)
    {
        EventId = eventId;
        Attempts = attempts;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception (for serializers and tools).</summary>
    public AuditDeliveryException()
        : this("unknown", 0, "unknown", "unspecified")
    {
    }

    /// <summary>Creates the exception with a message (for serializers and tools).</summary>
    public AuditDeliveryException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Creates the exception with a message and cause (for serializers and tools).</summary>
    public AuditDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
        EventId = "unknown";
        ErrorCode = "unknown";
    }

    /// <summary>The event that was not accepted.</summary>
    public string EventId { get; }

    /// <summary>How many times the event was sent.</summary>
    public int Attempts { get; }

    /// <summary>SQS's error code (e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c>), or a short local cause.</summary>
    public string ErrorCode { get; }
}
