using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace PaymentAudit.Auditing.Targets;

/// <summary>Reads a deployed stack's parameters from SSM Parameter Store, one <c>GetParameter</c> per name.</summary>
public sealed class SsmParameterSource : IParameterSource
{
    private readonly IAmazonSimpleSystemsManagement _ssm;

    /// <summary>Creates a source over <paramref name="ssm"/>.</summary>
    public SsmParameterSource(IAmazonSimpleSystemsManagement ssm) => _ssm = ssm;

    /// <inheritdoc />
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken);
            return response.Parameter?.Value;
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonClientException or HttpRequestException && ex is not AmazonSimpleSystemsManagementException)
        {
            throw new StoreUnreachableException($"SSM Parameter Store did not answer for {name}: {ex.Message}", ex);
        }
    }
}
