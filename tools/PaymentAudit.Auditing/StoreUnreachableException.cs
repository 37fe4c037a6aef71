namespace PaymentAudit.Auditing;

/// <summary>The trail's store (table, queue, bucket) did not answer: nothing can be read or verified.</summary>
public sealed class StoreUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnreachableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StoreUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
