using Amazon.Runtime;
using Amazon.S3;
using PaymentAudit.Auditing.Exports;

namespace PaymentAudit.Auditing.Tests.Exports;

/// <summary>What <c>verify --export</c> accepts: an s3:// URI or a directory.</summary>
public sealed class ExportLocationTests
{
    [Theory]
    [InlineData("s3://archive-bucket/exports/", "s3://archive-bucket/exports")]
    [InlineData("s3://archive-bucket/exports/full/2026-11-23", "s3://archive-bucket/exports/full/2026-11-23")]
    [InlineData("s3://archive-bucket", "s3://archive-bucket")]
    public void Parse_S3Uri_IsThatBucketAndPrefix(string target, string root)
    {
        using var s3 = new AmazonS3Client(new AnonymousAWSCredentials(), new AmazonS3Config { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1" });

        var location = ExportLocation.Parse(target, s3);

        location.Root.ShouldBe(root);
        location.Describe("AWSDynamoDB/x/manifest-summary.json").ShouldBe(root + "/AWSDynamoDB/x/manifest-summary.json");
    }

    [Fact]
    public void Parse_Path_IsThatDirectory()
    {
        var location = ExportLocation.Parse("exports-copy", s3: null);

        location.Root.ShouldBe(Path.GetFullPath("exports-copy"));
    }

    [Fact]
    public void Parse_S3UriWithoutAClient_IsRefused()
    {
        Should.Throw<ArgumentException>(() => ExportLocation.Parse("s3://archive-bucket/exports", s3: null)).Message.ShouldContain("no S3 client");
    }

    [Fact]
    public void Parse_S3UriWithoutABucket_IsRefused()
    {
        using var s3 = new AmazonS3Client(new AnonymousAWSCredentials(), new AmazonS3Config { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1" });

        Should.Throw<ArgumentException>(() => ExportLocation.Parse("s3:///exports", s3)).Message.ShouldContain("names no bucket");
    }
}
