namespace PaymentAudit.Infra.Configuration;

/// <summary>Lock mode of an S3 Object Lock default retention or an AWS Backup vault lock.</summary>
public enum LockMode
{
    /// <summary>
    /// No lock: objects and recovery points can be deleted by whoever IAM allows, so the environment
    /// can be torn down (dev). Never for an environment that holds real audit data.
    /// </summary>
    None,

    /// <summary>Privileged principals can still shorten or remove the lock.</summary>
    Governance,

    /// <summary>Nobody, including the account root, can shorten or remove the lock.</summary>
    Compliance,
}
