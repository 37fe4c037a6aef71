using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using NSubstitute;
using PaymentAudit.Core.Digests;
using PaymentAudit.Storage.Digests;
using PaymentAudit.Testing.Fauxqs;

namespace PaymentAudit.Storage.Tests.Digests;

/// <summary>The digest store against fauxqs's S3: keys, metadata, the latest pointer and its fallbacks.</summary>
[Collection(UsesDynamoDbLocal.Name)]
public sealed class S3DigestStoreTests(FauxqsFixture fauxqs)
{
    private const string Environment = "test";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadLatest_BeforeTheFirstDigest_IsNull()
    {
        using var s3 = fauxqs.CreateS3Client();
        var store = new S3DigestStore(s3, await fauxqs.CreateBucketAsync(), Environment);

        (await store.ReadLatestAsync(CancellationToken.None)).ShouldBeNull();
        (await ListAsync(store)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WrittenDigests_ReadBackWithTheirBytesSignatureAndKeyId()
    {
        using var s3 = fauxqs.CreateS3Client();
        var store = new S3DigestStore(s3, await fauxqs.CreateBucketAsync(), Environment);
        var first = Digest(0);
        var second = Digest(1);

        await store.WriteAsync(first, CancellationToken.None);
        await store.WriteAsync(second, CancellationToken.None);

        ShouldEqual((await store.ReadLatestAsync(CancellationToken.None))!, second);
        var listed = await ListAsync(store);
        listed.Count.ShouldBe(2);
        ShouldEqual(listed[0], first);
        ShouldEqual(listed[1], second);
    }

    [Fact]
    public async Task Digest_IsStoredUnderItsKeyWithSignatureAndKeyIdAsObjectMetadata()
    {
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var digest = Digest(0);

        await new S3DigestStore(s3, bucket, Environment).WriteAsync(digest, CancellationToken.None);

        using var response = await s3.GetObjectAsync(bucket, "digests/test/2026/11/23/100000.json");
        response.Metadata["x-amz-meta-signature"].ShouldBe(Convert.ToBase64String(digest.Signature));
        response.Metadata["x-amz-meta-key-id"].ShouldBe(digest.KeyId);
        response.Headers.ContentType.ShouldBe("application/json");
        (await ReadTextAsync(s3, bucket, "digests/test/latest.json")).ShouldBe("{\"key\":\"digests/test/2026/11/23/100000.json\"}");
    }

    [Fact]
    public async Task List_ManyDigestsAcrossPages_ComeInKeyOrderWithoutThePointer()
    {
        using var s3 = fauxqs.CreateS3Client();
        var store = new S3DigestStore(s3, await fauxqs.CreateBucketAsync(), Environment) { PageSize = 4 };
        // Across days, months and a year, written out of order.
        var times = new[] { 0, 1, 2, 3, 23, 24, 25, 24 * 31, (24 * 39) + 5, 24 * 40, 24 * 60, 24 * 365 }.Select(h => Start.AddHours(h)).ToList();
        foreach (var index in new[] { 7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4 })
        {
            await store.WriteAsync(DigestAt(times[index]), CancellationToken.None);
        }

        var keys = (await ListAsync(store)).Select(d => d.Key).ToList();

        keys.ShouldBe(times.Select(t => DigestKeys.For(Environment, t)).ToList());
        keys.ShouldNotContain(DigestKeys.LatestOf(Environment));
        (await store.ReadLatestAsync(CancellationToken.None))!.Key.ShouldBe(DigestKeys.For(Environment, times.Max()));
    }

    [Fact]
    public async Task ReadLatest_WithoutThePointer_ListsThePrefixAndTakesTheLastDigest()
    {
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var store = new S3DigestStore(s3, bucket, Environment) { PageSize = 2 };
        for (var i = 0; i < 5; i++)
        {
            await store.WriteAsync(Digest(i), CancellationToken.None);
        }

        await s3.DeleteObjectAsync(bucket, DigestKeys.LatestOf(Environment));

        ShouldEqual((await store.ReadLatestAsync(CancellationToken.None))!, Digest(4));
    }

    [Fact]
    public async Task ReadLatest_WhenThePointerLagsBehind_TakesTheDigestWrittenAfterIt()
    {
        // A run that stored its digest and failed before moving the pointer.
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var store = new S3DigestStore(s3, bucket, Environment);
        await store.WriteAsync(Digest(0), CancellationToken.None);
        await store.WriteAsync(Digest(1), CancellationToken.None);
        await PutTextAsync(s3, bucket, DigestKeys.LatestOf(Environment), $"{{\"key\":\"{Digest(0).Key}\"}}");

        ShouldEqual((await store.ReadLatestAsync(CancellationToken.None))!, Digest(1));
    }

    [Fact]
    public async Task ReadLatest_WhenThePointerIsUnreadable_FallsBackToTheListing()
    {
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var store = new S3DigestStore(s3, bucket, Environment);
        await store.WriteAsync(Digest(0), CancellationToken.None);
        await store.WriteAsync(Digest(1), CancellationToken.None);
        await PutTextAsync(s3, bucket, DigestKeys.LatestOf(Environment), "not json");

        ShouldEqual((await store.ReadLatestAsync(CancellationToken.None))!, Digest(1));
    }

    [Fact]
    public async Task ReadLatest_WhenThePointerNamesADigestThatIsGone_FailsNamingIt()
    {
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var store = new S3DigestStore(s3, bucket, Environment);
        await store.WriteAsync(Digest(0), CancellationToken.None);
        await store.WriteAsync(Digest(1), CancellationToken.None);
        await s3.DeleteObjectAsync(bucket, Digest(1).Key);

        var error = await Should.ThrowAsync<InvalidDataException>(() => store.ReadLatestAsync(CancellationToken.None));

        error.Message.ShouldContain(Digest(1).Key);
        error.Message.ShouldContain("paymentaudit verify --digests");
    }

    [Fact]
    public async Task Environments_SharingABucket_SeeOnlyTheirOwnDigests()
    {
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var test = new S3DigestStore(s3, bucket, Environment);
        var other = new S3DigestStore(s3, bucket, "test-2");
        await test.WriteAsync(Digest(0), CancellationToken.None);
        await other.WriteAsync(Digest(1) with { Key = DigestKeys.For("test-2", Start.AddHours(1)) }, CancellationToken.None);

        (await ListAsync(test)).Select(d => d.Key).ShouldBe([Digest(0).Key]);
        (await test.ReadLatestAsync(CancellationToken.None))!.Key.ShouldBe(Digest(0).Key);
    }

    [Fact]
    public async Task Write_KeyOutsideTheEnvironmentsDigests_IsRefused()
    {
        using var s3 = fauxqs.CreateS3Client();
        var store = new S3DigestStore(s3, await fauxqs.CreateBucketAsync(), Environment);

        await Should.ThrowAsync<ArgumentException>(() => store.WriteAsync(Digest(0) with { Key = DigestKeys.LatestOf(Environment) }, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.WriteAsync(Digest(0) with { Key = DigestKeys.For("prod", Start) }, CancellationToken.None));
    }

    [Fact]
    public async Task Write_CreatesTheDigestWithASha256ChecksumBeforeMovingThePointer()
    {
        var s3 = Substitute.For<IAmazonS3>();
        var puts = new List<(string Key, ChecksumAlgorithm Checksum, string? IfNoneMatch)>();
        s3.PutObjectAsync(Arg.Do<PutObjectRequest>(r => puts.Add((r.Key, r.ChecksumAlgorithm, r.IfNoneMatch))), Arg.Any<CancellationToken>()).Returns(new PutObjectResponse());

        await new S3DigestStore(s3, "archive", Environment).WriteAsync(Digest(0), CancellationToken.None);

        // The digest only if its key is free; the pointer is the one object that is overwritten.
        puts.ShouldBe([(Digest(0).Key, ChecksumAlgorithm.SHA256, "*"), (DigestKeys.LatestOf(Environment), ChecksumAlgorithm.SHA256, null)]);
    }

    [Fact]
    public async Task Write_ToTheKeyOfAStoredDigest_FailsAndLeavesThePointerAlone()
    {
        var s3 = Substitute.For<IAmazonS3>();
        s3.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>())
            .Returns<PutObjectResponse>(_ => throw new AmazonS3Exception("At least one of the pre-conditions you specified did not hold") { StatusCode = System.Net.HttpStatusCode.PreconditionFailed });

        var error = await Should.ThrowAsync<InvalidOperationException>(() => new S3DigestStore(s3, "archive", Environment).WriteAsync(Digest(0), CancellationToken.None));

        error.Message.ShouldContain(Digest(0).Key);
        await s3.DidNotReceive().PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.Key == DigestKeys.LatestOf(Environment)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Write_DigestUploadFails_LeavesThePointerAlone()
    {
        var s3 = Substitute.For<IAmazonS3>();
        s3.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>()).Returns<PutObjectResponse>(_ => throw new AmazonS3Exception("Service Unavailable"));

        await Should.ThrowAsync<AmazonS3Exception>(() => new S3DigestStore(s3, "archive", Environment).WriteAsync(Digest(0), CancellationToken.None));

        await s3.DidNotReceive().PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.Key == DigestKeys.LatestOf(Environment)), Arg.Any<CancellationToken>());
    }

    private static StoredDigest Digest(int hour) => DigestAt(Start.AddHours(hour));

    private static StoredDigest DigestAt(DateTimeOffset time)
    {
        var key = DigestKeys.For(Environment, time);
        var document = Encoding.UTF8.GetBytes($"{{\"digestTime\":\"{time:yyyy-MM-ddTHH:mm:ssZ}\"}}");
        return new StoredDigest(key, document, SHA256.HashData(Encoding.UTF8.GetBytes(key)), "arn:aws:kms:eu-west-1:111111111111:key/test");
    }

    private static void ShouldEqual(StoredDigest actual, StoredDigest expected)
    {
        actual.Key.ShouldBe(expected.Key);
        actual.Document.ShouldBe(expected.Document);
        actual.Signature.ShouldBe(expected.Signature);
        actual.KeyId.ShouldBe(expected.KeyId);
    }

    private static async Task<List<StoredDigest>> ListAsync(S3DigestStore store)
    {
        var digests = new List<StoredDigest>();
        await foreach (var digest in store.ListAsync(CancellationToken.None))
        {
            digests.Add(digest);
        }

        return digests;
    }

    private static async Task<string> ReadTextAsync(AmazonS3Client s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    private static async Task PutTextAsync(AmazonS3Client s3, string bucket, string key, string text) =>
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text, ChecksumAlgorithm = ChecksumAlgorithm.SHA256 });
}
