namespace PaymentAudit.Core.Ports;

/// <summary>
/// A transient storage fault (throttling, a server error, a timeout, a transaction conflict):
/// nothing was stored and the same call may succeed later.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the fault.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
