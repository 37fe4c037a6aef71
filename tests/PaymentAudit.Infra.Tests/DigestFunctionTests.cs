using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>The digest function: its function, log group, asynchronous invocation settings and schedule.</summary>
[Collection(SharedSynthesis.Name)]
public sealed class DigestFunctionTests(SynthesizedApp app)
{
    private const string Handler = "PaymentAudit.Digest::PaymentAudit.Digest.Function::HandleAsync";
    private static readonly string[] Arm64 = ["arm64"];

    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestFunction_RunsDotnet10OnArm64WithConfiguredMemoryTimeoutAndJsonLogsInItsOwnLogGroup(string environment)
    {
        var digests = app.Stacks[environment].Config.Digests;

        app.Templates[environment].HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Architectures"] = Arm64,
            ["Handler"] = Handler,
            ["MemorySize"] = digests.MemoryMiB,
            ["Timeout"] = digests.TimeoutSeconds,
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["LogFormat"] = "JSON",
                ["LogGroup"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^DigestLogGroup") },
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestFunction_NeverRunsTwiceAtOnce(string environment)
    {
        // Two runs at once would both link to the same previous digest.
        Digest(environment)["Properties"]!["ReservedConcurrentExecutions"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestFunction_GetsExactlyItsEnvironmentVariables(string environment)
    {
        var config = app.Stacks[environment].Config;
        var variables = Digest(environment)["Properties"]!["Environment"]!["Variables"]!.AsObject();

        variables.Select(pair => pair.Key).Order(StringComparer.Ordinal).ShouldBe(
        [
            "PAYMENTAUDIT_ARCHIVE_BUCKET", "PAYMENTAUDIT_DIGEST_PERIOD_SECONDS", "PAYMENTAUDIT_ENVIRONMENT", "PAYMENTAUDIT_METRICS_NAMESPACE",
            "PAYMENTAUDIT_SIGNING_KEY_ARN", "PAYMENTAUDIT_TABLE_ARN", "PAYMENTAUDIT_TABLE_NAME",
        ]);
        variables["PAYMENTAUDIT_TABLE_NAME"]!["Ref"]!.GetValue<string>().ShouldStartWith("Table");
        GetAtt(variables["PAYMENTAUDIT_TABLE_ARN"]!).ShouldSatisfyAllConditions(a => a.Id.ShouldStartWith("Table"), a => a.Attribute.ShouldBe("Arn"));
        GetAtt(variables["PAYMENTAUDIT_SIGNING_KEY_ARN"]!).ShouldSatisfyAllConditions(a => a.Id.ShouldStartWith("KeysSigningKey"), a => a.Attribute.ShouldBe("Arn"));
        variables["PAYMENTAUDIT_ARCHIVE_BUCKET"]!["Ref"]!.GetValue<string>().ShouldStartWith("ArchiveBucket");
        variables["PAYMENTAUDIT_ENVIRONMENT"]!.GetValue<string>().ShouldBe(environment);
        variables["PAYMENTAUDIT_METRICS_NAMESPACE"]!.GetValue<string>().ShouldBe(config.Writer.MetricsNamespace);
        variables["PAYMENTAUDIT_DIGEST_PERIOD_SECONDS"]!.GetValue<string>().ShouldBe((config.Digests.PeriodMinutes * 60).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestLogGroup_IsEncryptedWithTheDataKeyAndConfiguredRetention(string environment)
    {
        var logGroup = Resource(environment, "AWS::Logs::LogGroup", "DigestLogGroup")["Properties"]!;

        logGroup["KmsKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
        logGroup["RetentionInDays"]!.GetValue<int>().ShouldBe(app.Stacks[environment].Config.Digests.LogRetentionDays);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestFunction_IsRetriedTwiceAndDropsInvocationsOlderThanOnePeriod(string environment)
    {
        // An unretried failure would leave the period without a digest: a gap verification reports.
        app.Templates[environment].HasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^DigestFunction") },
            ["MaximumRetryAttempts"] = 2,
            ["MaximumEventAgeInSeconds"] = app.Stacks[environment].Config.Digests.PeriodMinutes * 60,
            ["Qualifier"] = "$LATEST",
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestFunction_IsCreatedAfterItsPolicy(string environment)
    {
        Digest(environment)["DependsOn"]!.AsArray().Select(id => id!.GetValue<string>())
            .ShouldContain(id => id.StartsWith("DigestPolicy", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Schedule_InvokesTheDigestFunctionEveryPeriodWithRetriesAndADeadLetterQueue(string environment)
    {
        var minutes = app.Stacks[environment].Config.Digests.PeriodMinutes;
        var schedule = Resource(environment, "AWS::Scheduler::Schedule", "DigestSchedule")["Properties"]!;
        var target = schedule["Target"]!;

        schedule["Name"]!.GetValue<string>().ShouldBe($"PaymentAudit-{environment}-digest");
        schedule["ScheduleExpression"]!.GetValue<string>().ShouldBe($"rate({minutes} minutes)");
        schedule["ScheduleExpressionTimezone"]!.GetValue<string>().ShouldBe("UTC");
        schedule["FlexibleTimeWindow"]!["Mode"]!.GetValue<string>().ShouldBe("OFF");
        schedule["State"]!.GetValue<string>().ShouldBe("ENABLED");
        target["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("DigestFunction");
        target["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("DigestScheduleRole");
        target["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>().ShouldBe(5);
        target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!.GetValue<int>().ShouldBe(minutes * 60);
        target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("DigestScheduleDeadLetterQueue");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Schedule_IsCreatedAfterItsRolePolicy(string environment)
    {
        Resource(environment, "AWS::Scheduler::Schedule", "DigestSchedule")["DependsOn"]!.AsArray()
            .Select(id => id!.GetValue<string>())
            .ShouldContain(id => id.StartsWith("DigestSchedulePolicy", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestDeadLetterQueue_IsKmsEncryptedAndTlsOnly(string environment)
    {
        var (id, queue) = TemplateWalker.Resources(app.Json[environment], "AWS::SQS::Queue")
            .Single(pair => pair.Key.StartsWith("DigestScheduleDeadLetterQueue", StringComparison.Ordinal));

        queue["Properties"]!["KmsMasterKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
        queue["Properties"]!["QueueName"]!.GetValue<string>().ShouldBe($"paymentaudit-{environment}-digest-start-dlq");
        TemplateWalker.Statements(app.Json[environment])
            .ShouldContain(s => s.ResourceType == "AWS::SQS::QueuePolicy" && s.IsTlsOnlyDeny
                && s.Statement["Resource"]!.ToJsonString().Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stack_OutputsTheDigestFunctionName(string environment)
    {
        app.Json[environment]["Outputs"]!["DigestFunctionName"]!["Value"]!["Ref"]!.GetValue<string>().ShouldStartWith("DigestFunction");
    }

    [Fact]
    public void Both_EnvironmentsMakeADigestEveryHour()
    {
        app.Stacks["dev"].Config.Digests.PeriodMinutes.ShouldBe(60);
        app.Stacks["prod"].Config.Digests.PeriodMinutes.ShouldBe(60);
        app.Stacks["prod"].Config.Digests.LogRetentionDays.ShouldBeGreaterThanOrEqualTo(365);
    }

    private static (string Id, string Attribute) GetAtt(JsonNode value) =>
        (value["Fn::GetAtt"]![0]!.GetValue<string>(), value["Fn::GetAtt"]![1]!.GetValue<string>());

    private JsonObject Digest(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::Lambda::Function").Values
            .Single(f => f["Properties"]!["Handler"]!.GetValue<string>() == Handler);

    private JsonObject Resource(string environment, string type, string logicalIdPrefix) =>
        TemplateWalker.Resources(app.Json[environment], type)
            .Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == logicalIdPrefix).Value;
}
