namespace PaymentAudit.Infra.Configuration;

/// <summary>Lock mode of an S3 Object Lock retention or an AWS Backup vault lock.</summary>
public enum LockMode
{
    /// <summary>Privileged principals can still shorten or remove the lock.</summary>
    Governance,

    /// <summary>Nobody, including the account root, can shorten or remove the lock.</summary>
    Compliance,
}
