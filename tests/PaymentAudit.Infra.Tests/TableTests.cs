using Amazon.CDK.Assertions;
using PaymentAudit.Core.Topology;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class TableTests(SynthesizedApp app)
{
    // Every DynamoDB action that creates, replaces, changes or removes an item (TransactWriteItems is
    // authorized as its Put, Update, Delete and ConditionCheck parts).
    private static readonly string[] ItemWriteActions =
    [
        "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
        "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete",
    ];

    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Table_HasTheWritePathKeysAndOnlyTheKeysOnlyEventIndex(string environment)
    {
        var index = AuditTopology.Table.GlobalIndexes.ShouldHaveSingleItem();

        index.Name.ShouldBe(AuditTopology.EventIndexName);
        app.Templates[environment].HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = AuditTopology.Table.PartitionKey, ["KeyType"] = "HASH" },
                new Dictionary<string, object> { ["AttributeName"] = AuditTopology.Table.SortKey, ["KeyType"] = "RANGE" },
            },
            ["BillingMode"] = "PAY_PER_REQUEST",
            // The event index has a partition key and no sort key, and copies only the keys: one
            // small index entry per accepted record.
            ["GlobalSecondaryIndexes"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["IndexName"] = "by-event",
                    ["KeySchema"] = new object[]
                    {
                        new Dictionary<string, object> { ["AttributeName"] = index.PartitionKey, ["KeyType"] = "HASH" },
                    },
                    ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = "KEYS_ONLY" },
                },
            },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Table_HasPitrConfiguredDeletionProtectionAndCustomerManagedKey(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["SSESpecification"] = new Dictionary<string, object> { ["SSEEnabled"] = true, ["SSEType"] = "KMS" },
            ["Replicas"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Region"] = app.Stacks[environment].Config.Region,
                    ["DeletionProtectionEnabled"] = app.Stacks[environment].Config.Table.DeletionProtection,
                    ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
                    ["SSESpecification"] = new Dictionary<string, object>
                    {
                        ["KMSMasterKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { DataKeyLogicalId(environment), "Arn" } },
                    },
                }),
            },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void TableResourcePolicy_DeniesUpdateAndDeleteToEveryPrincipal(string environment)
    {
        var statement = TablePolicy(environment).Single(s => s.Sid == "AuditRecordsAreAppendOnly");

        statement.Effect.ShouldBe("Deny");
        statement.Statement["Principal"]!["AWS"]!.GetValue<string>().ShouldBe("*");
        statement.Statement["Condition"].ShouldBeNull();
        statement.Actions.ShouldBe(
            ["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:BatchWriteItem"],
            ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void TableResourcePolicy_DeniesPutAndInsertToEveryoneButExactlyTheWriterRole(string environment)
    {
        var statement = TablePolicy(environment).Single(s => s.Sid == "OnlyTheWriterCreatesRecords");
        var condition = statement.Statement["Condition"]!.AsObject();

        statement.Effect.ShouldBe("Deny");
        statement.Statement["Principal"]!["AWS"]!.GetValue<string>().ShouldBe("*");
        statement.Actions.ShouldBe(["dynamodb:PutItem", "dynamodb:PartiQLInsert"], ignoreOrder: true);
        condition.Select(pair => pair.Key).ShouldBe(["ArnNotEquals"]);
        var exempted = condition["ArnNotEquals"]!.AsObject();
        exempted.Select(pair => pair.Key).ShouldBe(["aws:PrincipalArn"]);
        // One ARN, not a list: exactly the writer's role and nothing else is exempt. The region is
        // known, so CDK writes the partition as a literal.
        ArnText(exempted["aws:PrincipalArn"]!).ShouldBe($"arn:aws:iam::{app.Stacks[environment].Config.Account}:role/PaymentAudit-{environment}-writer");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void TableResourcePolicy_CoversEveryItemWriteAction(string environment)
    {
        var denied = TablePolicy(environment).Where(s => s.Effect == "Deny").SelectMany(s => s.Actions).ToHashSet();

        ItemWriteActions.Where(action => !denied.Contains(action)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void OnlyTheWriterPolicy_AllowsAnItemWrite(string environment)
    {
        // The table policy exempts the writer alone; no other identity policy in the stack (the
        // indexer's included: it only queries) even asks for an item write.
        var holders = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.Effect == "Allow" && s.Actions.Intersect(ItemWriteActions).Any())
            .Select(s => PolicyStatementInTemplate.WithoutHash(s.LogicalId))
            .Distinct();

        holders.ShouldBe(["WriterPolicy"]);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void TableResourcePolicy_DoesNotExemptTheIndexer(string environment)
    {
        var exempted = ArnText(TablePolicy(environment).Single(s => s.Sid == "OnlyTheWriterCreatesRecords").Statement["Condition"]!["ArnNotEquals"]!["aws:PrincipalArn"]!);

        exempted.ShouldNotContain("indexer");
        exempted.ShouldEndWith($":role/PaymentAudit-{environment}-writer");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterRole_HasTheNameTheTablePolicyExempts(string environment)
    {
        var roles = TemplateWalker.Resources(app.Json[environment], "AWS::IAM::Role");
        var writerRole = roles.Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == "WriterRole").Value;
        var exempted = ArnText(TablePolicy(environment).Single(s => s.Sid == "OnlyTheWriterCreatesRecords").Statement["Condition"]!["ArnNotEquals"]!["aws:PrincipalArn"]!);

        exempted.ShouldEndWith(":role/" + writerRole["Properties"]!["RoleName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Table_DoesNotDependOnTheWriterRole(string environment)
    {
        var (_, table) = TemplateWalker.Resources(app.Json[environment], "AWS::DynamoDB::GlobalTable").Single();
        var writerRoleId = TemplateWalker.Resources(app.Json[environment], "AWS::IAM::Role").Keys
            .Single(id => id.StartsWith("WriterRole", StringComparison.Ordinal));

        (table["DependsOn"]?.ToJsonString() ?? "").ShouldNotContain(writerRoleId);
        table["Properties"]!.ToJsonString().ShouldNotContain(writerRoleId);
    }

    [Fact]
    public void Table_IsRetainedInProdAndDestroyableInDev()
    {
        app.Prod.HasResource("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        }));
        app.Dev.HasResource("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Delete",
        }));
    }

    private List<PolicyStatementInTemplate> TablePolicy(string environment) =>
        [.. TemplateWalker.Statements(app.Json[environment]).Where(s => s.ResourceType == "AWS::DynamoDB::GlobalTable")];

    // The ARN is a Fn::Join of literal parts and the partition pseudo parameter.
    private static string ArnText(System.Text.Json.Nodes.JsonNode arn) =>
        arn is System.Text.Json.Nodes.JsonValue literal
            ? literal.GetValue<string>()
            : string.Concat(arn["Fn::Join"]![1]!.AsArray().Select(part => part is System.Text.Json.Nodes.JsonValue text
                ? text.GetValue<string>()
                : part!["Ref"]?.GetValue<string>() == "AWS::Partition" ? "<partition>" : "<other reference>"));

    private string DataKeyLogicalId(string environment) =>
        app.Stacks[environment].GetLogicalId(app.Stacks[environment].Keys.DataKey.Node.DefaultChild as Amazon.CDK.CfnElement
            ?? throw new InvalidOperationException("The data key has no CloudFormation resource."));
}
