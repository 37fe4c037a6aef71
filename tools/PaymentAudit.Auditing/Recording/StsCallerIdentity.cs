using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace PaymentAudit.Auditing.Recording;

/// <summary>The AWS caller, from STS <c>GetCallerIdentity</c> (no permission needed): its ARN, e.g. an assumed auditor role's session.</summary>
public sealed class StsCallerIdentity : ICallerIdentity
{
    private readonly IAmazonSecurityTokenService _sts;

    /// <summary>Creates the identity over <paramref name="sts"/>.</summary>
    public StsCallerIdentity(IAmazonSecurityTokenService sts) => _sts = sts;

    /// <inheritdoc />
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await _sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken);
            return CallerIds.Normalize(response.Arn);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            throw new ReadAuditException($"The caller's identity could not be read from STS, so this read cannot be audited: {ex.Message}", ex);
        }
    }
}
