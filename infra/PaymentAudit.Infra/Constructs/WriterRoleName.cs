using Amazon.CDK;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The writer role's fixed name and the ARN built from it. The table's resource policy names the
/// writer by this ARN, so the name is part of the append-only guarantee: a renamed role would be
/// locked out of the table. Building the ARN from the name instead of referencing the Role resource
/// keeps the table independent of the role, whose policy references the table (no cycle).
/// </summary>
public static class WriterRoleName
{
    /// <summary>Role name of the writer in <paramref name="environment"/>, e.g. <c>PaymentAudit-dev-writer</c>.</summary>
    public static string For(string environment) => $"PaymentAudit-{environment}-writer";

    /// <summary>ARN of the writer's role in <paramref name="stack"/> (a role without a path).</summary>
    public static string ArnFor(Stack stack, string environment)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return $"arn:{stack.Partition}:iam::{stack.Account}:role/{For(environment)}";
    }
}
