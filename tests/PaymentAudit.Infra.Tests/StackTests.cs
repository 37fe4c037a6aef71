using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class StackTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Fact]
    public void App_HasOneStackPerEnvironmentWithItsAccountAndRegion()
    {
        app.Stacks.Keys.Order(StringComparer.Ordinal).ShouldBe(["dev", "prod"]);
        app.Stacks["dev"].StackName.ShouldBe("PaymentAudit-dev");
        app.Stacks["prod"].StackName.ShouldBe("PaymentAudit-prod");
        app.Stacks["dev"].Account.ShouldBe("111111111111");
        app.Stacks["prod"].Account.ShouldBe("222222222222");
    }

    [Fact]
    public void Prod_HasTerminationProtectionAndDevDoesNot()
    {
        app.Stacks["prod"].TerminationProtection.ShouldBeTrue();
        app.Stacks["dev"].TerminationProtection.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stack_OutputsWhatProducersAndAuditorsNeed(string environment)
    {
        var outputs = app.Json[environment]["Outputs"]!.AsObject().Select(pair => pair.Key).ToList();

        foreach (var name in new[] { "QueueUrl", "QueueArn", "TableName", "IndexerFunctionName", "DigestFunctionName", "ProducerPolicyArn", "AuditorRoleArn", "OperatorRoleArn", "ArchiveBucketName" })
        {
            outputs.ShouldContain(name);
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stack_OutputsTheOperatorRoleArn(string environment)
    {
        var value = app.Json[environment]["Outputs"]!["OperatorRoleArn"]!["Value"]!["Fn::GetAtt"]!;

        PolicyStatementInTemplate.WithoutHash(value[0]!.GetValue<string>()).ShouldBe("AccessOperatorRole");
        value[1]!.GetValue<string>().ShouldBe("Arn");
    }

    [Theory]
    [InlineData("dev", "AWS::DynamoDB::GlobalTable")]
    [InlineData("dev", "AWS::SQS::Queue")]
    [InlineData("dev", "AWS::Lambda::Function")]
    [InlineData("dev", "AWS::S3::Bucket")]
    [InlineData("dev", "AWS::KMS::Key")]
    [InlineData("prod", "AWS::DynamoDB::GlobalTable")]
    [InlineData("prod", "AWS::SQS::Queue")]
    [InlineData("prod", "AWS::Lambda::Function")]
    [InlineData("prod", "AWS::S3::Bucket")]
    [InlineData("prod", "AWS::KMS::Key")]
    public void TaggableResources_CarryApplicationEnvironmentAndClassification(string environment, string type)
    {
        var tags = TemplateWalker.Resources(app.Json[environment], type).Values
            .Select(resource => resource["Properties"]!["Tags"] ?? resource["Properties"]!["Replicas"]![0]!["Tags"])
            .ToList();

        tags.ShouldNotBeEmpty();
        foreach (var tagList in tags)
        {
            var text = tagList!.ToJsonString();
            text.ShouldContain("{\"Key\":\"Application\",\"Value\":\"PaymentAudit\"}");
            text.ShouldContain($"{{\"Key\":\"Environment\",\"Value\":\"{environment}\"}}");
            text.ShouldContain($"{{\"Key\":\"DataClassification\",\"Value\":\"{app.Stacks[environment].Config.DataClassification}\"}}");
        }
    }

    [Theory]
    [InlineData("AWS::S3::Bucket")]
    [InlineData("AWS::KMS::Key")]
    [InlineData("AWS::Logs::LogGroup")]
    [InlineData("AWS::Backup::BackupVault")]
    [InlineData("AWS::SQS::Queue")]
    public void DataResources_AreRetainedInProdOnly(string type)
    {
        app.Prod.AllResources(type, Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" }));
        app.Dev.AllResources(type, Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = "Delete" }));
    }

    [Fact]
    public void DevStack_HasNothingThatBlocksItsDeletion()
    {
        app.Stacks["dev"].TerminationProtection.ShouldBeFalse();
        app.Dev.HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Replicas"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["DeletionProtectionEnabled"] = false }) },
        }));
        app.Dev.HasResourceProperties("AWS::Backup::BackupVault", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LockConfiguration"] = Match.Absent(),
            ["AccessPolicy"] = Match.Absent(),
        }));
        TemplateWalker.Resources(app.Json["dev"], "AWS::S3::Bucket").Values
            .ShouldAllBe(bucket => bucket["Properties"]!["ObjectLockConfiguration"] == null || bucket["Properties"]!["ObjectLockConfiguration"]!["Rule"] == null);
    }

    [Fact]
    public void ProdStack_KeepsEveryProtection()
    {
        app.Stacks["prod"].TerminationProtection.ShouldBeTrue();
        app.Prod.HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Replicas"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["DeletionProtectionEnabled"] = true }) },
        }));
        app.Prod.HasResourceProperties("AWS::Backup::BackupVault", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LockConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["ChangeableForDays"] = 3 }),
            ["AccessPolicy"] = Match.AnyValue(),
        }));
        app.Prod.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ObjectLockConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Rule"] = new Dictionary<string, object>
                {
                    ["DefaultRetention"] = new Dictionary<string, object> { ["Mode"] = "COMPLIANCE", ["Days"] = 400 },
                },
            }),
        }));
    }

    [Fact]
    public void Environments_DifferOnlyInTheirConfiguredSettings()
    {
        var dev = app.Stacks["dev"].Config;
        var prod = app.Stacks["prod"].Config;

        prod.Writer.LogRetentionDays.ShouldBeGreaterThanOrEqualTo(365);
        prod.Alarms.Email.ShouldNotBeNull();
        dev.Alarms.Email.ShouldBeNull();
        prod.Indexer.LogRetentionDays.ShouldBeGreaterThanOrEqualTo(365);
        prod.Digests.LogRetentionDays.ShouldBeGreaterThanOrEqualTo(365);
        app.Dev.ResourceCountIs("AWS::CloudWatch::Alarm", 20);
        app.Prod.ResourceCountIs("AWS::CloudWatch::Alarm", 20);
        app.Dev.ResourceCountIs("AWS::DynamoDB::GlobalTable", 1);
        app.Prod.ResourceCountIs("AWS::DynamoDB::GlobalTable", 1);
    }
}
