using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Digests;
using PaymentAudit.Storage.Digests;
using PaymentAudit.Storage.Tests.Support;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Storage.Tests.Digests;

/// <summary>The digest function's parts together: chain heads from DynamoDB Local, digests in fauxqs's S3, signed through the KMS adapter.</summary>
[Collection(UsesDynamoDbLocal.Name)]
public sealed class DigestsOnTheEmulatorsTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs) : IDisposable
{
    private const string ReceivedAt = "2026-11-23T10:00:00.0000000Z";
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task Digests_OfTheTablesChains_AreStoredLinkedAndVerifyWithTheKmsPublicKey()
    {
        var table = await dynamoDb.CreateTableAsync();
        using var client = dynamoDb.CreateClient();
        using var s3 = fauxqs.CreateS3Client();
        var kms = SigningKms.Create(_key);
        var store = new S3DigestStore(s3, await fauxqs.CreateBucketAsync(), "test");
        var digester = new Digester(
            new AuditTrailReader(client, table),
            store,
            new KmsDigestSigner(kms, SigningKms.KeyArn),
            _time,
            new DigesterOptions { Environment = "test", TableArn = $"arn:aws:dynamodb:eu-west-1:111111111111:table/{table}", Period = Period });
        var chains = new DynamoDbChainStore(client, table);
        var heads = new Dictionary<string, ChainHead>(StringComparer.Ordinal);
        async Task AppendAsync(string chainId, int minute)
        {
            var head = heads.GetValueOrDefault(chainId) ?? ChainHead.Genesis;
            if (head.IsGenesis)
            {
                await chains.RegisterChainAsync(chainId, ReceivedAt, CancellationToken.None);
            }

            var record = ChainLinker.Link(chainId, head, ChainEntry.Accepted($"m-{chainId}-{minute}", Some.AccessEvent(minute: minute)), ReceivedAt).Record;
            await chains.AppendAsync(record, CancellationToken.None);
            heads[chainId] = new ChainHead(record.Seq, record.Hash);
        }

        await AppendAsync("chain-a", 1);
        await AppendAsync("chain-b", 2);
        var first = await RunAsync(digester);
        await AppendAsync("chain-a", 3);
        var second = await RunAsync(digester);

        var stored = new List<StoredDigest>();
        await foreach (var digest in store.ListAsync(CancellationToken.None))
        {
            stored.Add(digest);
        }

        using var publicKey = await KmsPublicKeys.GetAsync(kms, SigningKms.KeyArn, CancellationToken.None);
        var verification = DigestChainVerifier.Verify(stored, publicKey, _time.GetUtcNow() - Period);

        verification.Violations.ShouldBeEmpty();
        (verification.Digests, verification.Verified).ShouldBe((2, 2));
        (first.Chains, first.Moved, second.Moved, second.Previous).ShouldBe((2, 2, 1, first.Key));
        verification.LatestHeads["chain-a"].ShouldBe(2);
        verification.For("chain-a")[^1].Hash.ShouldBe(heads["chain-a"].Hash);
        stored.ShouldAllBe(d => d.KeyId == SigningKms.KeyArn);
    }

    private async Task<DigestRun> RunAsync(Digester digester)
    {
        var run = await digester.RunAsync(CancellationToken.None);
        _time.Advance(Period);
        return run;
    }
}
