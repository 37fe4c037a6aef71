using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Constructs;
using PaymentAudit.Core.Topology;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The append-only audit table, shaped by <see cref="AuditTopology.Table"/> so AWS and the local
/// emulator share one definition. The resource policy holds in every environment, because the
/// invariant is the product and not a prod setting: nobody updates or deletes an item, and nobody
/// but the writer's role creates or replaces one. Deletion protection comes from the config, so a
/// dev stack can be deleted.
/// </summary>
public sealed class AuditTable : Construct
{
    /// <summary>
    /// Data-plane actions denied to every principal, the writer included. UpdateItem/DeleteItem also
    /// cover the Update and Delete actions inside TransactWriteItems; BatchWriteItem is authorized as
    /// itself and can carry DeleteRequests (and PutRequests that replace items), and the writer never
    /// uses it, so it is denied too.
    /// </summary>
    public static readonly IReadOnlyList<string> DeniedMutations =
    [
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:PartiQLUpdate",
        "dynamodb:PartiQLDelete",
        "dynamodb:BatchWriteItem",
    ];

    /// <summary>
    /// Item-creating actions denied to every principal except the writer's role. A PutItem without a
    /// condition replaces an existing item, so whoever may put may rewrite a record; PartiQL INSERT is
    /// the same permission through another API. Put and ConditionCheck parts of TransactWriteItems are
    /// authorized as PutItem and ConditionCheckItem.
    /// </summary>
    public static readonly IReadOnlyList<string> WriterOnlyActions =
    [
        "dynamodb:PutItem",
        "dynamodb:PartiQLInsert",
    ];

    /// <summary>Statement id of the deny that applies to everyone.</summary>
    public const string AppendOnlySid = "AuditRecordsAreAppendOnly";

    /// <summary>Statement id of the deny that exempts only the writer's role.</summary>
    public const string WriterOnlySid = "OnlyTheWriterCreatesRecords";

    /// <summary>Creates the table.</summary>
    public AuditTable(Construct scope, string id, AuditTableProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var definition = AuditTopology.Table;

        Table = new TableV2(this, "Table", new TablePropsV2
        {
            PartitionKey = new Attribute { Name = definition.PartitionKey, Type = AttributeType.STRING },
            SortKey = new Attribute { Name = definition.SortKey, Type = AttributeType.STRING },
            GlobalSecondaryIndexes = [.. definition.GlobalIndexes.Select(ToIndexProps)],
            Billing = Billing.OnDemand(),
            PointInTimeRecovery = true,
            DeletionProtection = props.DeletionProtection,
            Encryption = TableEncryptionV2.CustomerManagedKey(props.DataKey),
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            Tags = [.. props.Tags.Select(tag => new CfnTag { Key = tag.Key, Value = tag.Value })],
            ResourcePolicy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    // A table's resource policy cannot name the table's own ARN (circular
                    // reference); "*" in a resource policy means the resource it is attached to.
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = AppendOnlySid,
                        Effect = Effect.DENY,
                        Principals = [new AnyPrincipal()],
                        Actions = [.. DeniedMutations],
                        Resources = ["*"],
                    }),
                    // aws:PrincipalArn of a role session is the role's ARN, so this exempts every
                    // session of the writer's role and nothing else: other roles, users, the account
                    // root and AWS services are denied. The ARN is built from the role's fixed name,
                    // not taken from the Role resource, so the table does not depend on the role
                    // (the role's policy names the table: a reference back would be a cycle).
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = WriterOnlySid,
                        Effect = Effect.DENY,
                        Principals = [new AnyPrincipal()],
                        Actions = [.. WriterOnlyActions],
                        Resources = ["*"],
                        Conditions = new Dictionary<string, object>
                        {
                            ["ArnNotEquals"] = new Dictionary<string, object> { ["aws:PrincipalArn"] = props.WriterRoleArn },
                        },
                    }),
                ],
            }),
        });
    }

    private static GlobalSecondaryIndexPropsV2 ToIndexProps(IndexDefinition index) => new()
    {
        IndexName = index.Name,
        PartitionKey = new Attribute { Name = index.PartitionKey, Type = AttributeType.STRING },
        SortKey = index.SortKey is null ? null : new Attribute { Name = index.SortKey, Type = AttributeType.STRING },
        ProjectionType = index.Projection switch
        {
            IndexProjection.KeysOnly => ProjectionType.KEYS_ONLY,
            IndexProjection.All => ProjectionType.ALL,
            _ => ProjectionType.INCLUDE,
        },
        NonKeyAttributes = index.Projection == IndexProjection.Include ? [.. index.ProjectedAttributes] : null,
    };

    /// <summary>The DynamoDB table (a single-region global table resource).</summary>
    public TableV2 Table { get; }
}
