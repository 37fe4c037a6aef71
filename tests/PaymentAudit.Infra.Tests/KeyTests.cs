using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class KeyTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void DataKey_IsSymmetricAndRotated(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object>
        {
            ["EnableKeyRotation"] = true,
            ["KeySpec"] = Match.Absent(),
        }));
        app.Templates[environment].HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object>
        {
            ["AliasName"] = $"alias/paymentaudit-{environment}-data",
            ["TargetKeyId"] = Match.AnyValue(),
        });
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void SigningKey_IsEccP256ForSignVerify(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KeySpec"] = "ECC_NIST_P256",
            ["KeyUsage"] = "SIGN_VERIFY",
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DataKey_EncryptsTableQueuesBucketLogsTopicAndVault(string environment)
    {
        var json = app.Json[environment];
        var stack = app.Stacks[environment];
        var dataKey = stack.GetLogicalId((Amazon.CDK.CfnElement)stack.Keys.DataKey.Node.DefaultChild!);
        var text = json.ToJsonString();
        string KeyReference() => $"{{\"Fn::GetAtt\":[\"{dataKey}\",\"Arn\"]}}";

        foreach (var (type, property) in new[]
        {
            ("AWS::SQS::Queue", "KmsMasterKeyId"),
            ("AWS::Logs::LogGroup", "KmsKeyId"),
            ("AWS::SNS::Topic", "KmsMasterKeyId"),
            ("AWS::Backup::BackupVault", "EncryptionKeyArn"),
        })
        {
            foreach (var resource in TemplateWalker.Resources(json, type).Values)
            {
                resource["Properties"]![property]!.ToJsonString().ShouldBe(KeyReference(), $"{type}.{property}");
            }
        }

        text.ShouldContain($"\"KMSMasterKeyID\":{KeyReference()}");
        text.ShouldContain($"\"KMSMasterKeyId\":{KeyReference()}");
    }
}
