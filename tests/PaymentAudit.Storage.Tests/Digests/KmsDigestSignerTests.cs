using System.Net;
using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using PaymentAudit.Core.Digests;
using PaymentAudit.Storage.Digests;
using PaymentAudit.Storage.Tests.Support;

namespace PaymentAudit.Storage.Tests.Digests;

/// <summary>Signing digests with a KMS key and reading its public half, against a substitute KMS client.</summary>
public sealed class KmsDigestSignerTests : IDisposable
{
    private static readonly byte[] Document = "{\"chains\":[],\"format\":1}"u8.ToArray();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task SignAsync_SendsTheSha256AsADigestMessageForEcdsaSha256WithTheKeyArn()
    {
        var kms = SigningKms.Create(_key);
        var hash = DigestDocumentFile.Hash(Document);

        await new KmsDigestSigner(kms, SigningKms.KeyArn).SignAsync(hash, CancellationToken.None);

        var request = (SignRequest)kms.ReceivedCalls().Single(c => c.GetMethodInfo().Name == nameof(IAmazonKeyManagementService.SignAsync)).GetArguments()[0]!;
        request.KeyId.ShouldBe(SigningKms.KeyArn);
        request.MessageType.ShouldBe(MessageType.DIGEST);
        request.SigningAlgorithm.ShouldBe(SigningAlgorithmSpec.ECDSA_SHA_256);
        request.Message.ToArray().ShouldBe(hash);
        request.Message.ToArray().Length.ShouldBe(32);
    }

    [Fact]
    public async Task SignAsync_ReturnsADerSignatureThatVerifiesWithThePublicKeyFromKms()
    {
        var kms = SigningKms.Create(_key);
        var signer = new KmsDigestSigner(kms, SigningKms.KeyArn);

        var signature = await signer.SignAsync(DigestDocumentFile.Hash(Document), CancellationToken.None);
        using var publicKey = await KmsPublicKeys.GetAsync(kms, SigningKms.KeyArn, CancellationToken.None);

        DigestSignatures.Verify(publicKey, Document, signature).ShouldBeTrue();
        DigestSignatures.Verify(publicKey, [.. Document, (byte)' '], signature).ShouldBeFalse();
        signer.KeyId.ShouldBe(SigningKms.KeyArn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(64)]
    public async Task SignAsync_AnythingButA32ByteDigest_IsRefusedBeforeCallingKms(int length)
    {
        var kms = SigningKms.Create(_key);

        await Should.ThrowAsync<ArgumentException>(() => new KmsDigestSigner(kms, SigningKms.KeyArn).SignAsync(new byte[length], CancellationToken.None));

        kms.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task SignAsync_KmsRefuses_FailsNamingTheKeyAndTheErrorAndKeepsTheCause()
    {
        var kms = Substitute.For<IAmazonKeyManagementService>();
        var refusal = new AmazonKeyManagementServiceException(
            "User: arn:aws:sts::111111111111:assumed-role/x/y is not authorized to perform: kms:Sign", ErrorType.Sender, "AccessDeniedException", "req-1", HttpStatusCode.BadRequest);
        kms.SignAsync(Arg.Any<SignRequest>(), Arg.Any<CancellationToken>()).ThrowsAsync(refusal);

        var error = await Should.ThrowAsync<DigestSigningException>(() => new KmsDigestSigner(kms, SigningKms.KeyArn).SignAsync(new byte[32], CancellationToken.None));

        error.Message.ShouldContain(SigningKms.KeyArn);
        error.Message.ShouldContain("AccessDeniedException");
        error.Message.ShouldContain("not authorized to perform: kms:Sign");
        error.InnerException.ShouldBeSameAs(refusal);
    }

    [Fact]
    public async Task SignAsync_AnswerWithoutASignature_Fails()
    {
        var kms = Substitute.For<IAmazonKeyManagementService>();
        kms.SignAsync(Arg.Any<SignRequest>(), Arg.Any<CancellationToken>()).Returns(new SignResponse { KeyId = SigningKms.KeyArn });

        var error = await Should.ThrowAsync<DigestSigningException>(() => new KmsDigestSigner(kms, SigningKms.KeyArn).SignAsync(new byte[32], CancellationToken.None));

        error.Message.ShouldContain("without a signature");
    }

    [Fact]
    public async Task PublicKey_OfAKeyThatIsNotAP256SigningKey_IsRefused()
    {
        var kms = Substitute.For<IAmazonKeyManagementService>();
        kms.GetPublicKeyAsync(Arg.Any<GetPublicKeyRequest>(), Arg.Any<CancellationToken>()).Returns(new GetPublicKeyResponse
        {
            KeySpec = KeySpec.RSA_2048,
            KeyUsage = KeyUsageType.SIGN_VERIFY,
            PublicKey = new MemoryStream([1, 2, 3]),
        });

        var error = await Should.ThrowAsync<DigestSigningException>(() => KmsPublicKeys.GetAsync(kms, SigningKms.KeyArn, CancellationToken.None));

        error.Message.ShouldContain("RSA_2048");
        error.Message.ShouldContain("ECC_NIST_P256 SIGN_VERIFY");
    }

    [Fact]
    public async Task PublicKey_KmsFails_FailsNamingTheKey()
    {
        var kms = Substitute.For<IAmazonKeyManagementService>();
        kms.GetPublicKeyAsync(Arg.Any<GetPublicKeyRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new NotFoundException("Key 'arn:...' does not exist"));

        var error = await Should.ThrowAsync<DigestSigningException>(() => KmsPublicKeys.GetAsync(kms, SigningKms.KeyArn, CancellationToken.None));

        error.Message.ShouldContain($"public key of {SigningKms.KeyArn}");
        error.InnerException.ShouldBeOfType<NotFoundException>();
    }
}
