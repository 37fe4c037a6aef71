using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Constructs;
using PaymentAudit.Core.Topology;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The append-only audit table, shaped by <see cref="AuditTopology.Table"/> so AWS and the local
/// emulator share one definition. Deletion protection and the deny-mutation resource policy hold
/// in every environment: the invariant is the product, not a prod setting.
/// </summary>
public sealed class AuditTable : Construct
{
    /// <summary>
    /// Data-plane actions denied to every principal. UpdateItem/DeleteItem also cover the Update
    /// and Delete actions inside TransactWriteItems; BatchWriteItem is authorized as itself and can
    /// carry DeleteRequests, so it is denied too.
    /// </summary>
    public static readonly IReadOnlyList<string> DeniedMutations =
    [
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:PartiQLUpdate",
        "dynamodb:PartiQLDelete",
        "dynamodb:BatchWriteItem",
    ];

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
            DeletionProtection = true,
            Encryption = TableEncryptionV2.CustomerManagedKey(props.DataKey),
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            Tags = [.. props.Tags.Select(tag => new CfnTag { Key = tag.Key, Value = tag.Value })],
            ResourcePolicy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "AuditRecordsAreAppendOnly",
                        Effect = Effect.DENY,
                        Principals = [new AnyPrincipal()],
                        Actions = [.. DeniedMutations],
                        // A table's resource policy cannot name the table's own ARN (circular
                        // reference); "*" in a resource policy means the resource it is attached to.
                        Resources = ["*"],
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
