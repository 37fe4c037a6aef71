namespace PaymentAudit.Auditing.Targets;

/// <summary>The target cannot be resolved from what the command line gave: a usage error naming what is missing or wrong.</summary>
public sealed class TargetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TargetException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TargetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
