namespace PaymentAudit.Auditing.Recording;

/// <summary>Who runs the command: the actor of the audit event the command records.</summary>
public interface ICallerIdentity
{
    /// <summary>The caller's id (an STS ARN on AWS, the OS user locally).</summary>
    Task<string> GetAsync(CancellationToken cancellationToken);
}
