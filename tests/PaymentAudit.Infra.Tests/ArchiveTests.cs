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
    [InlineData("dev", "exports/")]
    [InlineData("dev", "quarantine/")]
    [InlineData("prod", "exports/")]
    [InlineData("prod", "quarantine/")]
    public void ArchiveBucket_MovesExportsAndQuarantinedPayloadsToGlacier(string environment, string prefix)
    {
        var days = app.Stacks[environment].Config.Archive.GlacierTransitionDays;

        var rule = ArchiveRules(environment).Single(r => r["Prefix"]?.GetValue<string>() == prefix);

        rule["Status"]!.GetValue<string>().ShouldBe("Enabled");
        rule["Transitions"]!.ToJsonString().ShouldBe($"[{{\"StorageClass\":\"GLACIER\",\"TransitionInDays\":{days}}}]");
        rule["NoncurrentVersionTransitions"]!.ToJsonString().ShouldBe($"[{{\"StorageClass\":\"GLACIER\",\"TransitionInDays\":{days}}}]");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ArchiveBucket_KeepsTheHistoryIndexOutOfGlacier(string environment)
    {
        // The indexer merges segments and auditors' queries read them: a Glacier object refuses a
        // GET until it is restored. A rule without a prefix would reach history/ too.
        var transitioning = ArchiveRules(environment).Where(r => r["Transitions"] is not null || r["NoncurrentVersionTransitions"] is not null).ToList();

        transitioning.ShouldNotBeEmpty();
        transitioning.ShouldAllBe(r => r["Prefix"] != null && !r["Prefix"]!.GetValue<string>().StartsWith("history", StringComparison.Ordinal)
            && r["Prefix"]!.GetValue<string>().Length > 0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ArchiveBucket_KeepsTheDigestsOutOfGlacierAndNeverExpiresThem(string environment)
    {
        // Every digest run reads the latest digest and verification reads them all: a Glacier object
        // refuses a GET until it is restored. A rule without a prefix would reach digests/ too.
        var rules = ArchiveRules(environment);

        rules.Where(r => r["Transitions"] is not null || r["NoncurrentVersionTransitions"] is not null)
            .Select(r => r["Prefix"]?.GetValue<string>() ?? "")
            .ShouldAllBe(prefix => prefix.Length > 0 && !prefix.StartsWith("digests", StringComparison.Ordinal) && !"digests/".StartsWith(prefix, StringComparison.Ordinal));
        rules.ShouldAllBe(r => r["ExpirationInDays"] == null && r["ExpirationDate"] == null
            && r["NoncurrentVersionExpiration"] == null && r["NoncurrentVersionExpirationInDays"] == null);
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

    private List<System.Text.Json.Nodes.JsonNode> ArchiveRules(string environment) =>
        [.. ArchiveBucket(environment)["LifecycleConfiguration"]!["Rules"]!.AsArray().Select(rule => rule!)];

    private System.Text.Json.Nodes.JsonNode ObjectLockRetention(string environment) =>
        ArchiveBucket(environment)["ObjectLockConfiguration"]!["Rule"]!["DefaultRetention"]!;

    private System.Text.Json.Nodes.JsonNode ArchiveBucket(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::S3::Bucket").Values
            .Single(bucket => bucket["Properties"]!["ObjectLockEnabled"] is not null)["Properties"]!;
}
