namespace PaymentAudit.Digest;

/// <summary>The digest function's environment is missing or has invalid settings.</summary>
public sealed class DigestConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DigestConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message naming the settings.</summary>
    public DigestConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DigestConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
