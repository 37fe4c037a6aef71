using Amazon.CDK.Assertions;
using PaymentAudit.Core.Topology;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class TableTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Table_HasTheWritePathKeysAndActorIndex(string environment)
    {
        var index = AuditTopology.Table.GlobalIndexes.Single();

        app.Templates[environment].HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = AuditTopology.Table.PartitionKey, ["KeyType"] = "HASH" },
                new Dictionary<string, object> { ["AttributeName"] = AuditTopology.Table.SortKey, ["KeyType"] = "RANGE" },
            },
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["GlobalSecondaryIndexes"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["IndexName"] = index.Name,
                    ["KeySchema"] = new object[]
                    {
                        new Dictionary<string, object> { ["AttributeName"] = index.PartitionKey, ["KeyType"] = "HASH" },
                        new Dictionary<string, object> { ["AttributeName"] = index.SortKey, ["KeyType"] = "RANGE" },
                    },
                    ["Projection"] = new Dictionary<string, object>
                    {
                        ["ProjectionType"] = "INCLUDE",
                        ["NonKeyAttributes"] = index.ProjectedAttributes.ToArray(),
                    },
                },
            },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Table_HasPitrDeletionProtectionAndCustomerManagedKey(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["SSESpecification"] = new Dictionary<string, object> { ["SSEEnabled"] = true, ["SSEType"] = "KMS" },
            ["Replicas"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Region"] = app.Stacks[environment].Config.Region,
                    ["DeletionProtectionEnabled"] = true,
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
        var statement = TemplateWalker.Statements(app.Json[environment])
            .Single(s => s.ResourceType == "AWS::DynamoDB::GlobalTable");

        statement.Effect.ShouldBe("Deny");
        statement.Statement["Principal"]!["AWS"]!.GetValue<string>().ShouldBe("*");
        statement.Actions.ShouldBe(
            ["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:BatchWriteItem"],
            ignoreOrder: true);
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

    private string DataKeyLogicalId(string environment) =>
        app.Stacks[environment].GetLogicalId(app.Stacks[environment].Keys.DataKey.Node.DefaultChild as Amazon.CDK.CfnElement
            ?? throw new InvalidOperationException("The data key has no CloudFormation resource."));
}
