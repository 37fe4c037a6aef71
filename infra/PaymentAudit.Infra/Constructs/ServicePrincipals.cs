using Amazon.CDK.AWS.IAM;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Service principals for role trust policies.</summary>
internal static class ServicePrincipals
{
    /// <summary><paramref name="service"/> acting for <paramref name="account"/> only (confused-deputy guard).</summary>
    public static ServicePrincipal InAccount(string service, string account) =>
        new(service, new ServicePrincipalOpts
        {
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account },
            },
        });
}
