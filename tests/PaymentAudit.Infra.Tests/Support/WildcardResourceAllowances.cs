namespace PaymentAudit.Infra.Tests.Support;

/// <summary>
/// The one reviewed list of places where a policy statement may name the resource <c>"*"</c>, each
/// with the reason AWS requires it. The IAM tests fail on any other <c>"*"</c> resource and on any
/// entry here that no longer matches anything.
/// </summary>
public static class WildcardResourceAllowances
{
    /// <summary>Resource types whose own policy documents may use <c>"*"</c>, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> ByResourceType { get; } = new Dictionary<string, string>
    {
        ["AWS::KMS::Key"] =
            "A key policy is attached to one key and KMS only accepts \"*\" as its Resource: it means this key.",
        ["AWS::DynamoDB::GlobalTable"] =
            "The table's resource policy (deny update/delete to everyone) cannot name the table's own ARN without a " +
            "circular reference; in a resource policy \"*\" means the table it is attached to.",
        ["AWS::Backup::BackupVault"] =
            "The vault access policy that denies deleting recovery points applies to the vault's recovery points, " +
            "which do not exist yet when the policy is written; \"*\" means everything in this vault.",
    };
}
