namespace PaymentAudit.Auditing.Targets;

/// <summary>Reads one configuration parameter (SSM Parameter Store on AWS).</summary>
public interface IParameterSource
{
    /// <summary>The parameter's value, or null when it does not exist.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);
}
