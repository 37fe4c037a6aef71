using Amazon.CDK.AWS.IAM;

namespace PaymentAudit.Infra.Constructs;

/// <summary>Short forms for the hand-written policy statements: every action and resource is spelled out.</summary>
internal static class Statements
{
    public static PolicyStatement Allow(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
        new(new PolicyStatementProps
        {
            Sid = sid,
            Effect = Effect.ALLOW,
            Actions = actions,
            Resources = resources,
            Conditions = conditions,
        });

    public static PolicyStatement AllowPrincipal(string sid, IPrincipal principal, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
        new(new PolicyStatementProps
        {
            Sid = sid,
            Effect = Effect.ALLOW,
            Principals = [principal],
            Actions = actions,
            Resources = resources,
            Conditions = conditions,
        });

    /// <summary>Condition restricting a KMS permission to calls that AWS services make on the caller's behalf.</summary>
    public static Dictionary<string, object> ViaServices(string region, params string[] services) => new()
    {
        ["StringEquals"] = new Dictionary<string, object>
        {
            ["kms:ViaService"] = services.Select(service => $"{service}.{region}.amazonaws.com").ToArray(),
        },
    };
}
