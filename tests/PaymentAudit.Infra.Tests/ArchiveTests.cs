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
    public void EveryBucket_DeniesRequestsWithoutTls(string environment)
    {
        TemplateWalker.Statements(app.Json[environment])
            .Count(s => s.ResourceType == "AWS::S3::BucketPolicy" && s.IsTlsOnlyDeny)
            .ShouldBe(3);
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
    public void EveryBucket_AbortsIncompleteMultipartUploads(string environment)
    {
        var buckets = TemplateWalker.Resources(app.Json[environment], "AWS::S3::Bucket").Values.ToList();

        buckets.Count.ShouldBe(3);
        foreach (var bucket in buckets)
        {
            bucket["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray()
                .ShouldContain(rule => rule!["AbortIncompleteMultipartUpload"] != null
                    && rule["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!.GetValue<int>() == 7);
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportStagingBucket_IsVersionedKmsPrivateLoggedAndExpiresAfterTheStagingRetention(string environment)
    {
        var staging = TemplateWalker.Resources(app.Json[environment], "AWS::S3::Bucket")
            .Single(pair => pair.Key.StartsWith("ArchiveExportStagingBucket", StringComparison.Ordinal)).Value["Properties"]!;

        staging["ObjectLockEnabled"].ShouldBeNull();
        staging["VersioningConfiguration"]!["Status"]!.GetValue<string>().ShouldBe("Enabled");
        staging["BucketEncryption"]!.ToJsonString().ShouldContain("\"SSEAlgorithm\":\"aws:kms\"");
        staging["PublicAccessBlockConfiguration"]!["RestrictPublicBuckets"]!.GetValue<bool>().ShouldBeTrue();
        staging["LoggingConfiguration"]!["LogFilePrefix"]!.GetValue<string>().ShouldBe("export-staging/");
        staging["LifecycleConfiguration"]!["Rules"]!.AsArray().ShouldContain(rule => rule!["ExpirationInDays"] != null
            && rule["ExpirationInDays"]!.GetValue<int>() == app.Stacks[environment].Config.Archive.ExportStagingRetentionDays);
    }

    private System.Text.Json.Nodes.JsonNode ObjectLockRetention(string environment) =>
        ArchiveBucket(environment)["ObjectLockConfiguration"]!["Rule"]!["DefaultRetention"]!;

    private System.Text.Json.Nodes.JsonNode ArchiveBucket(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::S3::Bucket").Values
            .Single(bucket => bucket["Properties"]!["ObjectLockEnabled"] is not null)["Properties"]!;
}
