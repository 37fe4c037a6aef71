using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// Access for the people and programs outside the write path: applications that send audit events
/// (a managed policy they attach), auditors (a read-only role: the only thing it writes is the audit
/// event of its own reads) and operators (a role that moves dead-lettered messages back to the audit
/// queue). Each role trusts only the principals named in the environment config and allows exactly
/// what the <c>paymentaudit</c> commands and the documented manual tasks call.
/// </summary>
public sealed class AuditAccess : Construct
{
    /// <summary>Creates the producer policy, the auditor role and the operator role.</summary>
    public AuditAccess(Construct scope, string id, AuditAccessProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var region = Stack.Of(this).Region;
        var environment = props.EnvironmentName;
        var parameterArns = props.TargetParameters.Select(parameter => parameter.ParameterArn).ToArray();
        if (parameterArns.Length == 0)
        {
            throw new ArgumentException("The roles need the stack's target parameters.", nameof(props));
        }

        ProducerPolicy = new ManagedPolicy(this, "ProducerPolicy", new ManagedPolicyProps
        {
            ManagedPolicyName = $"PaymentAudit-{environment}-producer",
            Description = $"PaymentAudit {environment}: send audit events to the audit queue",
            Statements =
            [
                Statements.Allow("SendAuditEvents", ["sqs:SendMessage"], [props.Queue.QueueArn]),
                // SQS encrypts each message with a data key generated under the queue's CMK.
                Statements.Allow(
                    "EncryptThroughQueue",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "sqs")),
            ],
        });

        AuditorRole = new Role(this, "AuditorRole", new RoleProps
        {
            RoleName = $"PaymentAudit-{environment}-auditor",
            Description = $"PaymentAudit {environment}: read-only access to the audit trail and its archive; records its own reads",
            AssumedBy = TrustOnly(props.AuditorPrincipals, "auditor"),
            MaxSessionDuration = Duration.Hours(1),
        });

        var archive = props.ArchiveBucket;
        AuditorPolicy = new ManagedPolicy(this, "AuditorPolicy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment}: resolve the stack, record own reads, query the table, read the archive and peek at the dead-letter queue",
            Roles = [AuditorRole],
            Statements =
            [
                // paymentaudit --env <name> finds the stack through exactly these parameters.
                Statements.Allow("ResolveStackParameters", ["ssm:GetParameter"], parameterArns),
                // Every read of the trail is recorded as an audit event before anything is shown; the
                // client library sends batches, which SQS authorizes as SendMessage.
                Statements.Allow("RecordOwnReads", ["sqs:SendMessage"], [props.Queue.QueueArn]),
                // dlq list receives with a short visibility and makes each message visible again at
                // once. It never deletes: moving messages is the operator role's.
                Statements.Allow(
                    "PeekAtDeadLetters",
                    ["sqs:ChangeMessageVisibility", "sqs:ReceiveMessage"],
                    [props.DeadLetterQueue.QueueArn]),
                // SQS encrypts the recorded event under a data key it generates from the CMK, and
                // decrypts the dead letters it hands out.
                Statements.Allow(
                    "UseDataKeyThroughQueues",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "sqs")),
                // chains, query and verify: the chain directory and chain records (Query) and single
                // records (GetItem). No Scan of the table, no DescribeTable.
                Statements.Allow("ReadAuditTable", ["dynamodb:GetItem", "dynamodb:Query"], [props.Table.TableArn]),
                // query event looks an event id up; verify scans the keys-only event index to check it
                // against the records. The one index by name, not index/*.
                Statements.Allow(
                    "ReadEventIndex",
                    ["dynamodb:Query", "dynamodb:Scan"],
                    [$"{props.Table.TableArn}/index/{AuditTopology.EventIndexName}"]),
                // Without ListBucket S3 answers a GET of a missing key with 403, not 404: query and
                // verify could not tell "no history index yet" from "access denied", and verify would
                // fail instead of reporting a missing quarantined payload. S3 checks that permission
                // with the requested key as s3:prefix, so the listing (and the 404) stays within these
                // two prefixes.
                Statements.Allow(
                    "ListHistoryIndexAndQuarantine",
                    ["s3:ListBucket"],
                    [archive.BucketArn],
                    PrefixLike(AuditArchive.HistoryPrefix, AuditArchive.QuarantinePrefix)),
                // The history index (manifest and segments) and the payloads verify checks against
                // their records' SHA-256.
                Statements.Allow(
                    "ReadHistoryIndexAndQuarantine",
                    ["s3:GetObject"],
                    [archive.ArnForObjects(AuditArchive.HistoryPrefix + "*"), archive.ArnForObjects(AuditArchive.QuarantinePrefix + "*")]),
                // Documented auditor task (docs/infrastructure.md, "Auditor access"): find and read the
                // export copies, whose keys DynamoDB generates, and the signed digests.
                Statements.Allow(
                    "ListExportsAndDigests",
                    ["s3:ListBucket"],
                    [archive.BucketArn],
                    PrefixLike(AuditArchive.ExportPrefix, AuditArchive.DigestPrefix)),
                Statements.Allow(
                    "ReadExportsAndDigests",
                    ["s3:GetObject"],
                    [archive.ArnForObjects(AuditArchive.ExportPrefix + "*"), archive.ArnForObjects(AuditArchive.DigestPrefix + "*")]),
                // The table and the archive are encrypted with the data key; reads only.
                Statements.Allow(
                    "DecryptThroughTableAndArchive",
                    ["kms:Decrypt"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "dynamodb", "s3")),
                // Digest signatures are verified with the public key, so no KMS call is needed per digest.
                Statements.Allow("ReadDigestPublicKey", ["kms:GetPublicKey"], [props.SigningKey.KeyArn]),
            ],
        });

        OperatorRole = new Role(this, "OperatorRole", new RoleProps
        {
            RoleName = $"PaymentAudit-{environment}-operator",
            Description = $"PaymentAudit {environment}: move dead-lettered messages back to the audit queue; records its own actions",
            AssumedBy = TrustOnly(props.OperatorPrincipals, "operator"),
            MaxSessionDuration = Duration.Hours(1),
        });

        OperatorPolicy = new ManagedPolicy(this, "OperatorPolicy", new ManagedPolicyProps
        {
            Description = $"PaymentAudit {environment}: resolve the stack, record own actions, redrive the dead-letter queue",
            Roles = [OperatorRole],
            Statements =
            [
                Statements.Allow("ResolveStackParameters", ["ssm:GetParameter"], parameterArns),
                // The redrive is recorded (audit.dlq.redriven) before anything moves. GetQueueAttributes
                // gives the queue's ARN, the move task's destination, and a move task needs the caller's
                // SendMessage on its destination (as does the fallback that sends each message itself
                // where a queue service has no move task).
                Statements.Allow(
                    "RecordOwnActionsAndReceiveRedrivenMessages",
                    ["sqs:GetQueueAttributes", "sqs:SendMessage"],
                    [props.Queue.QueueArn]),
                // StartMessageMoveTask needs receive, delete and attributes on its source; the command
                // also reads the queue's depth and ARN there. The task runs asynchronously and only one
                // may run per queue, so ListMessageMoveTasks lets the operator follow it.
                Statements.Allow(
                    "RedriveDeadLetters",
                    ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ListMessageMoveTasks", "sqs:ReceiveMessage", "sqs:StartMessageMoveTask"],
                    [props.DeadLetterQueue.QueueArn]),
                // Both queues are encrypted with the data key: decrypt what leaves the dead-letter queue,
                // encrypt what enters the audit queue.
                Statements.Allow(
                    "UseDataKeyThroughQueues",
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    [props.DataKey.KeyArn],
                    Statements.ViaServices(region, "sqs")),
            ],
        });
    }

    /// <summary>Managed policy applications attach to send audit events.</summary>
    public ManagedPolicy ProducerPolicy { get; }

    /// <summary>Role auditors assume.</summary>
    public Role AuditorRole { get; }

    /// <summary>The auditor role's only policy.</summary>
    public ManagedPolicy AuditorPolicy { get; }

    /// <summary>Role operators assume to redrive the dead-letter queue.</summary>
    public Role OperatorRole { get; }

    /// <summary>The operator role's only policy.</summary>
    public ManagedPolicy OperatorPolicy { get; }

    private static Dictionary<string, object> PrefixLike(params string[] prefixes) => new()
    {
        ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = prefixes.Select(prefix => prefix + "*").ToArray() },
    };

    // IAM users must have signed in with MFA (aws:MultiFactorAuthPresent). Role sessions from IAM
    // Identity Center or SAML/OIDC federation never carry that key, so roles are trusted by ARN alone
    // and MFA is their identity provider's duty. With minimizePolicies, CDK merges the principals of
    // each kind into one trust statement.
    private static CompositePrincipal TrustOnly(IReadOnlyList<string> arns, string role)
    {
        if (arns.Count == 0)
        {
            throw new ArgumentException($"The {role} role needs at least one trusted principal.", nameof(arns));
        }

        return new CompositePrincipal([.. arns.Select(arn => IsUserArn(arn)
            ? (IPrincipal)new ArnPrincipal(arn).WithConditions(new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = "true" },
            })
            : new ArnPrincipal(arn))]);
    }

    private static bool IsUserArn(string arn) =>
        arn.Split(':') is [_, _, "iam", _, _, var resource] && resource.StartsWith("user/", StringComparison.Ordinal);
}
