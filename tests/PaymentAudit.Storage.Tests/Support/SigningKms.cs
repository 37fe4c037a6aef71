using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using NSubstitute;

namespace PaymentAudit.Storage.Tests.Support;

/// <summary>A KMS stand-in that signs and answers GetPublicKey with a real P-256 key, as an ECC_NIST_P256 SIGN_VERIFY key would.</summary>
public static class SigningKms
{
    /// <summary>The ARN the stand-in's key answers to.</summary>
    public const string KeyArn = "arn:aws:kms:eu-west-1:111111111111:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    /// <summary>A substitute whose Sign signs the 32-byte message with <paramref name="key"/> (DER) and whose GetPublicKey returns its SubjectPublicKeyInfo.</summary>
    public static IAmazonKeyManagementService Create(ECDsa key)
    {
        var kms = Substitute.For<IAmazonKeyManagementService>();
        kms.SignAsync(Arg.Any<SignRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var request = call.Arg<SignRequest>();
            return new SignResponse
            {
                KeyId = KeyArn,
                SigningAlgorithm = request.SigningAlgorithm,
                Signature = new MemoryStream(key.SignHash(request.Message.ToArray(), DSASignatureFormat.Rfc3279DerSequence)),
            };
        });
        kms.GetPublicKeyAsync(Arg.Any<GetPublicKeyRequest>(), Arg.Any<CancellationToken>()).Returns(new GetPublicKeyResponse
        {
            KeyId = KeyArn,
            KeySpec = KeySpec.ECC_NIST_P256,
            KeyUsage = KeyUsageType.SIGN_VERIFY,
            SigningAlgorithms = [SigningAlgorithmSpec.ECDSA_SHA_256],
            PublicKey = new MemoryStream(key.ExportSubjectPublicKeyInfo()),
        });
        return kms;
    }
}
