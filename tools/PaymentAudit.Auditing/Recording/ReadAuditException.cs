namespace PaymentAudit.Auditing.Recording;

/// <summary>The audit event of a read could not be recorded, so the read must not happen (fail closed).</summary>
public sealed class ReadAuditException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReadAuditException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReadAuditException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ReadAuditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
