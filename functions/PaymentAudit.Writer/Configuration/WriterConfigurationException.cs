namespace PaymentAudit.Writer.Configuration;

/// <summary>The writer's environment is missing or has invalid settings.</summary>
public sealed class WriterConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WriterConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message naming the settings.</summary>
    public WriterConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WriterConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
