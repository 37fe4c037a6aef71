using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The customer-managed data key (table, queues, archive, logs, alarm topic) and the asymmetric key
/// that signs chain-head digests. Key policies are written out action by action: the CDK default
/// grants <c>kms:*</c> to the account, which the IAM tests forbid.
/// </summary>
public sealed class AuditKeys : Construct
{
    // Administration by the account's IAM principals, without any usage of the key material.
    private static readonly string[] AdministrationActions =
    [
        "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
        "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus", "kms:ListGrants", "kms:ListKeyRotations", "kms:ListResourceTags",
        "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:ScheduleKeyDeletion", "kms:TagResource",
        "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
    ];

    // Usage that IAM policies in the account may grant. CreateGrant/RetireGrant: DynamoDB,
    // AWS Backup and CloudFormation create grants on the caller's behalf for CMK-encrypted tables.
    private static readonly string[] DataUsageActions =
    [
        "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext",
        "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:CreateGrant", "kms:RetireGrant",
    ];

    private static readonly string[] SigningUsageActions = ["kms:GetPublicKey", "kms:Sign", "kms:Verify"];

    /// <summary>Creates both keys.</summary>
    public AuditKeys(Construct scope, string id, AuditKeysProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        var removal = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        DataKey = new Key(this, "DataKey", new KeyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: encrypts the audit table, queues, archive, logs and alarm topic",
            Alias = $"alias/paymentaudit-{props.EnvironmentName}-data",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(30),
            RemovalPolicy = removal,
            Policy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    AccountAdministration(),
                    AccountUsage(DataUsageActions),
                    // CloudWatch Logs encrypts the writer's log group itself, outside IAM, so the key
                    // policy names the service and limits it to this account's log groups.
                    Statements.AllowPrincipal(
                        "CloudWatchLogsEncryptLogGroups",
                        new ServicePrincipal($"logs.{stack.Region}.amazonaws.com"),
                        ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
                        ["*"],
                        new Dictionary<string, object>
                        {
                            ["ArnLike"] = new Dictionary<string, object>
                            {
                                ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:*",
                            },
                        }),
                    // CloudWatch alarms publish to the encrypted alarm topic as the service principal.
                    Statements.AllowPrincipal(
                        "CloudWatchAlarmsPublishToEncryptedTopic",
                        new ServicePrincipal("cloudwatch.amazonaws.com"),
                        ["kms:Decrypt", "kms:GenerateDataKey"],
                        ["*"]),
                ],
            }),
        });

        SigningKey = new Key(this, "SigningKey", new KeyProps
        {
            Description = $"PaymentAudit {props.EnvironmentName}: signs digests of the chain heads",
            Alias = $"alias/paymentaudit-{props.EnvironmentName}-digest-signing",
            KeySpec = KeySpec.ECC_NIST_P256,
            KeyUsage = KeyUsage.SIGN_VERIFY,
            // KMS does not rotate asymmetric keys; a new key and alias are the rotation.
            EnableKeyRotation = false,
            PendingWindow = Duration.Days(30),
            RemovalPolicy = removal,
            Policy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements = [AccountAdministration(), AccountUsage(SigningUsageActions)],
            }),
        });
    }

    /// <summary>Symmetric customer-managed key, rotated yearly by KMS.</summary>
    public Key DataKey { get; }

    /// <summary>Asymmetric ECC_NIST_P256 SIGN_VERIFY key for digests.</summary>
    public Key SigningKey { get; }

    // In a key policy "*" is the key itself; that is the only resource a key policy accepts.
    private static PolicyStatement AccountAdministration() =>
        Statements.AllowPrincipal("AccountAdministersKey", new AccountRootPrincipal(), AdministrationActions, ["*"]);

    private static PolicyStatement AccountUsage(string[] actions) =>
        Statements.AllowPrincipal("AccountIamPoliciesMayGrantUse", new AccountRootPrincipal(), ["kms:DescribeKey", .. actions], ["*"]);
}
