using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.S3;
using PaymentAudit.Core.Digests;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Digests;

namespace PaymentAudit.Local.Digests;

/// <summary>
/// Signed digests of a local pipeline: the digester the deployed function runs, over the local
/// table and archive bucket, signed with a key file instead of KMS (environment
/// <see cref="Environment"/>), and the offline check an auditor runs on them.
/// </summary>
public sealed class LocalDigests : IDisposable
{
    /// <summary>The environment name local digests are stored and signed under.</summary>
    public const string Environment = "local";

    /// <summary>
    /// The period local digests declare. The local pipeline digests far more often (every
    /// <c>--digest-interval</c>); a declared day means a local trail can be stopped for up to a day
    /// and a half before its digests show the gap as <c>DigestMissing</c>.
    /// </summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    private readonly EcdsaDigestSigner _signer;
    private readonly Digester _digester;
    private readonly TimeProvider _time;

    /// <summary>Creates the digester over <paramref name="resources"/>, signing with the key at <paramref name="keyPath"/> (made if missing).</summary>
    public LocalDigests(IAmazonDynamoDB dynamoDb, IAmazonS3 s3, LocalResources resources, string keyPath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _signer = EcdsaDigestSigner.LoadOrCreate(keyPath, Environment);
        Store = new S3DigestStore(s3, resources.ArchiveBucket, Environment);
        _digester = new Digester(
            new AuditTrailReader(dynamoDb, resources.TableName),
            Store,
            _signer,
            time,
            new DigesterOptions
            {
                Environment = Environment,
                TableArn = $"arn:aws:dynamodb:local:000000000000:table/{resources.TableName}",
                Period = Period,
            });
    }

    /// <summary>Where the digests are kept.</summary>
    public S3DigestStore Store { get; }

    /// <summary>Makes, signs and stores the next digest.</summary>
    public Task<DigestRun> DigestAsync(CancellationToken cancellationToken) => _digester.RunAsync(cancellationToken);

    /// <summary>Reads every digest and verifies signatures, links and periods with the public key alone.</summary>
    public async Task<DigestVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var digests = new List<StoredDigest>();
        await foreach (var digest in Store.ListAsync(cancellationToken))
        {
            digests.Add(digest);
        }

        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(_signer.PublicKeyPem());
        return DigestChainVerifier.Verify(digests, publicKey, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public void Dispose() => _signer.Dispose();
}
