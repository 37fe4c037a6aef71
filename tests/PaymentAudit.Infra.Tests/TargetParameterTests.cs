using System.Text.Json.Nodes;
using PaymentAudit.Auditing.Targets;
using PaymentAudit.Infra.Constructs;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>
/// The SSM parameters <c>paymentaudit ... --env &lt;name&gt;</c> resolves a deployed stack with: the
/// names the command line reads, plain String values that reference the right resources.
/// </summary>
[Collection(SharedSynthesis.Name)]
public sealed class TargetParameterTests(SynthesizedApp app)
{
    private static readonly string[] ParameterNames = ["table-name", "queue-url", "dead-letter-queue-url", "archive-bucket", "signing-key-arn"];

    public static TheoryData<string> Environments => ["dev", "prod"];

    [Fact]
    public void ParameterNames_AreTheOnesTheCommandLineReads()
    {
        string[] published =
        [
            TargetParameters.TableNameParameter,
            TargetParameters.QueueUrlParameter,
            TargetParameters.DeadLetterQueueUrlParameter,
            TargetParameters.ArchiveBucketParameter,
            TargetParameters.SigningKeyArnParameter,
        ];

        published.ShouldBe(StackParameters.All);
        TargetParameters.NameOf("prod", TargetParameters.QueueUrlParameter).ShouldBe(StackParameters.NameOf("prod", StackParameters.QueueUrl));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stack_PublishesExactlyTheFiveParametersUnderItsEnvironmentsPath(string environment)
    {
        var names = Parameters(environment).Keys.Order(StringComparer.Ordinal);

        names.ShouldBe(ParameterNames.Select(name => $"/paymentaudit/{environment}/{name}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Parameters_AreStandardPlainStrings(string environment)
    {
        foreach (var (name, properties) in Parameters(environment))
        {
            properties["Type"]!.GetValue<string>().ShouldBe("String", name);
            properties["Tier"]!.GetValue<string>().ShouldBe("Standard", name);
        }
    }

    [Theory]
    [InlineData("dev", "table-name", "{\"Ref\":\"Table")]
    [InlineData("dev", "queue-url", "{\"Ref\":\"QueuesQueue")]
    [InlineData("dev", "dead-letter-queue-url", "{\"Ref\":\"QueuesDeadLetterQueue")]
    [InlineData("dev", "archive-bucket", "{\"Ref\":\"ArchiveBucket")]
    [InlineData("dev", "signing-key-arn", "{\"Fn::GetAtt\":[\"KeysSigningKey")]
    [InlineData("prod", "table-name", "{\"Ref\":\"Table")]
    [InlineData("prod", "queue-url", "{\"Ref\":\"QueuesQueue")]
    [InlineData("prod", "dead-letter-queue-url", "{\"Ref\":\"QueuesDeadLetterQueue")]
    [InlineData("prod", "archive-bucket", "{\"Ref\":\"ArchiveBucket")]
    [InlineData("prod", "signing-key-arn", "{\"Fn::GetAtt\":[\"KeysSigningKey")]
    public void ParameterValue_ReferencesItsResource(string environment, string parameter, string reference)
    {
        var value = Parameters(environment)[$"/paymentaudit/{environment}/{parameter}"]["Value"]!;

        // The logical id is the prefix plus CDK's 8-character hash, and nothing else: QueuesQueue is
        // not QueuesQueuePolicy, ArchiveBucket is not ArchiveBucketPolicy.
        value.ToJsonString().ShouldMatch("^" + System.Text.RegularExpressions.Regex.Escape(reference) + "[0-9A-F]{8}\"");
        if (parameter == "signing-key-arn")
        {
            value["Fn::GetAtt"]![1]!.GetValue<string>().ShouldBe("Arn");
        }
    }

    private Dictionary<string, JsonObject> Parameters(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::SSM::Parameter").Values
            .Select(resource => resource["Properties"]!.AsObject())
            .ToDictionary(properties => properties["Name"]!.GetValue<string>());
}
