namespace PaymentAudit.Storage.Digests;

/// <summary>The signing key could not sign a digest, or its public key could not be read.</summary>
public sealed class DigestSigningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DigestSigningException()
    {
    }

    /// <summary>Creates the exception with a message naming the key and the cause.</summary>
    public DigestSigningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the KMS error behind it.</summary>
    public DigestSigningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
