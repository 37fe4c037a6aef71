namespace PaymentAudit.Local.Emulators;

/// <summary>An emulator could not be started; the message says why and what to do.</summary>
public sealed class EmulatorStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmulatorStartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EmulatorStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EmulatorStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
