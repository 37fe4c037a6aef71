namespace PaymentAudit.Indexer;

/// <summary>The indexer's environment is missing or has invalid settings.</summary>
public sealed class IndexerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IndexerConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message naming the settings.</summary>
    public IndexerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public IndexerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
