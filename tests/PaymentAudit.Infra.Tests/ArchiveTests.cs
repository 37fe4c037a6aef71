using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class ArchiveTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void ArchiveBucket_IsVersionedObjectLockedKmsPrivateAndLogged(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ObjectLockEnabled"] = true,
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["ServerSideEncryptionByDefault"] = Match.ObjectLike(new Dictionary<string, object> { ["SSEAlgorithm"] = "aws:kms" }),
                })]),
            }),
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DestinationBucketName"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^ArchiveAccessLogBucket") },
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ArchiveBucket_MovesObjectsToGlacier(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ObjectLockEnabled"] = true,
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Status"] = "Enabled",
                    ["Transitions"] = new object[]
                    {
                        new Dictionary<string, object>
                        {
                            ["StorageClass"] = "GLACIER",
                            ["TransitionInDays"] = app.Stacks[environment].Config.Archive.GlacierTransitionDays,
                        },
                    },
                })]),
            },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void BothBuckets_DenyRequestsWithoutTls(string environment)
    {
        TemplateWalker.Statements(app.Json[environment])
            .Count(s => s.ResourceType == "AWS::S3::BucketPolicy" && s.IsTlsOnlyDeny)
            .ShouldBe(2);
    }

    [Fact]
    public void ProdArchive_UsesComplianceModeForAtLeastAYear()
    {
        var retention = ObjectLockRetention("prod");

        retention["Mode"]!.GetValue<string>().ShouldBe("COMPLIANCE");
        retention["Days"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(365);
    }

    [Fact]
    public void DevArchive_HasObjectLockWithoutDefaultRetentionSoItCanBeEmptied()
    {
        var archive = ArchiveBucket("dev");

        archive["ObjectLockEnabled"]!.GetValue<bool>().ShouldBeTrue();
        archive["ObjectLockConfiguration"]?["Rule"].ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportSchedule_CallsExportTableToPointInTimeDirectlyIntoTheArchive(string environment)
    {
        var schedule = TemplateWalker.Resources(app.Json[environment], "AWS::Scheduler::Schedule").Single().Value["Properties"]!;
        var target = schedule["Target"]!;
        // Input is a Fn::Join of JSON text and references; its literal parts hold the request.
        var input = string.Concat(target["Input"]!["Fn::Join"]![1]!.AsArray()
            .Select(part => part is System.Text.Json.Nodes.JsonValue value ? value.GetValue<string>() : "<ref>"));

        schedule["ScheduleExpression"]!.GetValue<string>().ShouldBe(app.Stacks[environment].Config.Archive.ExportSchedule);
        target["Arn"]!.GetValue<string>().ShouldBe("arn:aws:scheduler:::aws-sdk:dynamodb:exportTableToPointInTime");
        input.ShouldContain("\"TableArn\":\"<ref>\"");
        input.ShouldContain("\"S3Prefix\":\"exports/\"");
        input.ShouldContain("\"S3SseAlgorithm\":\"KMS\"");
        target["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("ExportRole");
    }

    private System.Text.Json.Nodes.JsonNode ObjectLockRetention(string environment) =>
        ArchiveBucket(environment)["ObjectLockConfiguration"]!["Rule"]!["DefaultRetention"]!;

    private System.Text.Json.Nodes.JsonNode ArchiveBucket(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::S3::Bucket").Values
            .Single(bucket => bucket["Properties"]!["ObjectLockEnabled"] is not null)["Properties"]!;
}
