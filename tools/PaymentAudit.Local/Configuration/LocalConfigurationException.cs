namespace PaymentAudit.Local.Configuration;

/// <summary>A local-run setting is missing or wrong; the message names every such setting.</summary>
public sealed class LocalConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LocalConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LocalConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LocalConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
