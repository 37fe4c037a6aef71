namespace PaymentAudit.Infra.Configuration;

/// <summary>Who may assume the read-only auditor role and the operator role.</summary>
public sealed record AccessConfig
{
    /// <summary>
    /// ARNs of the IAM users and IAM roles trusted to assume the auditor role, e.g.
    /// <c>arn:aws:iam::111111111111:user/jane</c> or an IAM Identity Center permission-set role
    /// <c>arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Auditor_0123456789abcdef</c>.
    /// Users must have signed in with MFA; roles must come from an identity provider that enforces MFA.
    /// </summary>
    public required IReadOnlyList<string> AuditorPrincipals { get; init; }

    /// <summary>
    /// ARNs of the IAM users and IAM roles trusted to assume the operator role, which moves
    /// dead-lettered messages back to the audit queue (<c>paymentaudit dlq redrive</c>). Same form and
    /// the same MFA rules as <see cref="AuditorPrincipals"/>.
    /// </summary>
    public required IReadOnlyList<string> OperatorPrincipals { get; init; }
}
