using System.Net;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using PaymentAudit.Core.Digests;

namespace PaymentAudit.Digest.Tests;

/// <summary>The composed digester uses each setting where it belongs, checked against substitute AWS clients.</summary>
public sealed class DigestCompositionTests : IDisposable
{
    private static readonly DigestSettings Settings = new()
    {
        TableName = "audit",
        TableArn = "arn:aws:dynamodb:eu-west-1:111111111111:table/audit",
        Environment = "dev",
        ArchiveBucket = "archive",
        SigningKeyArn = "arn:aws:kms:eu-west-1:111111111111:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        PeriodSeconds = 3600,
    };

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly IAmazonDynamoDB _dynamoDb = Substitute.For<IAmazonDynamoDB>();
    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly IAmazonKeyManagementService _kms = Substitute.For<IAmazonKeyManagementService>();
    private readonly List<(string Bucket, string Key, byte[] Bytes)> _puts = [];

    public DigestCompositionTests()
    {
        // An empty chain directory and an empty digest prefix: the first digest of a new deployment.
        _dynamoDb.QueryAsync(Arg.Any<QueryRequest>(), Arg.Any<CancellationToken>()).Returns(new QueryResponse { Items = [] });
        _s3.GetObjectAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns<GetObjectResponse>(_ => throw new AmazonS3Exception("Not Found") { StatusCode = HttpStatusCode.NotFound });
        _s3.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).Returns(new ListObjectsV2Response());
        _s3.PutObjectAsync(Arg.Do<PutObjectRequest>(r => _puts.Add((r.BucketName, r.Key, ReadAll(r.InputStream)))), Arg.Any<CancellationToken>())
            .Returns(new PutObjectResponse());
        _kms.SignAsync(Arg.Any<SignRequest>(), Arg.Any<CancellationToken>()).Returns(call => new SignResponse
        {
            KeyId = Settings.SigningKeyArn,
            Signature = new MemoryStream(_key.SignHash(call.Arg<SignRequest>().Message.ToArray(), DSASignatureFormat.Rfc3279DerSequence)),
        });
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task Digester_ReadsTheTableStoresUnderTheEnvironmentInTheBucketAndSignsWithTheKey()
    {
        var digester = DigestComposition.CreateDigester(Settings, _dynamoDb, _s3, _kms, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, 400, TimeSpan.Zero)));

        var run = await digester.RunAsync(CancellationToken.None);

        run.Key.ShouldBe("digests/dev/2026/11/23/100000.json");
        await _dynamoDb.Received().QueryAsync(Arg.Is<QueryRequest>(q => q.TableName == "audit"), Arg.Any<CancellationToken>());
        await _kms.Received(1).SignAsync(Arg.Is<SignRequest>(r => r.KeyId == Settings.SigningKeyArn), Arg.Any<CancellationToken>());
        _puts.Select(p => (p.Bucket, p.Key)).ShouldBe([("archive", run.Key), ("archive", "digests/dev/latest.json")]);
        var document = DigestDocumentFile.TryRead(_puts[0].Bytes, out var problem);
        problem.ShouldBeNull();
        (document!.Environment, document.TableArn, document.PeriodSeconds, document.DigestTime).ShouldBe(("dev", Settings.TableArn, 3600L, "2026-11-23T10:00:00.0000000Z"));
        document.Previous.ShouldBeNull();
        document.Chains.ShouldBeEmpty();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        stream.Position = 0;
        return copy.ToArray();
    }
}
