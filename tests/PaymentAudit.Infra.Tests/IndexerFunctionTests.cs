using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Configuration;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>The history indexer: its function, log group, asynchronous invocation settings and schedule.</summary>
[Collection(SharedSynthesis.Name)]
public sealed class IndexerFunctionTests(SynthesizedApp app)
{
    private const string Handler = "PaymentAudit.Indexer::PaymentAudit.Indexer.Function::HandleAsync";
    private static readonly string[] Arm64 = ["arm64"];

    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Indexer_RunsDotnet10OnArm64WithConfiguredMemoryTimeoutAndJsonLogsInItsOwnLogGroup(string environment)
    {
        var indexer = app.Stacks[environment].Config.Indexer;

        app.Templates[environment].HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Architectures"] = Arm64,
            ["Handler"] = Handler,
            ["MemorySize"] = indexer.MemoryMiB,
            ["Timeout"] = indexer.TimeoutSeconds,
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["LogFormat"] = "JSON",
                ["LogGroup"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^IndexerLogGroup") },
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Indexer_NeverRunsTwiceAtOnce(string environment)
    {
        Indexer(environment)["Properties"]!["ReservedConcurrentExecutions"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Indexer_GetsExactlyItsEnvironmentVariables(string environment)
    {
        var config = app.Stacks[environment].Config;
        var variables = Indexer(environment)["Properties"]!["Environment"]!["Variables"]!.AsObject();

        variables.Select(pair => pair.Key).Order(StringComparer.Ordinal).ShouldBe(
        [
            "PAYMENTAUDIT_ARCHIVE_BUCKET", "PAYMENTAUDIT_ENVIRONMENT", "PAYMENTAUDIT_HISTORY_BUCKETS",
            "PAYMENTAUDIT_METRICS_NAMESPACE", "PAYMENTAUDIT_TABLE_NAME",
        ]);
        variables["PAYMENTAUDIT_TABLE_NAME"]!["Ref"]!.GetValue<string>().ShouldStartWith("Table");
        variables["PAYMENTAUDIT_ARCHIVE_BUCKET"]!["Ref"]!.GetValue<string>().ShouldStartWith("ArchiveBucket");
        variables["PAYMENTAUDIT_ENVIRONMENT"]!.GetValue<string>().ShouldBe(environment);
        variables["PAYMENTAUDIT_METRICS_NAMESPACE"]!.GetValue<string>().ShouldBe(config.Writer.MetricsNamespace);
        variables["PAYMENTAUDIT_HISTORY_BUCKETS"]!.GetValue<string>().ShouldBe(config.Indexer.HistoryBuckets.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerLogGroup_IsEncryptedWithTheDataKeyAndConfiguredRetention(string environment)
    {
        var logGroup = Resource(environment, "AWS::Logs::LogGroup", "IndexerLogGroup")["Properties"]!;

        logGroup["KmsKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
        logGroup["RetentionInDays"]!.GetValue<int>().ShouldBe(app.Stacks[environment].Config.Indexer.LogRetentionDays);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Indexer_IsNotRetriedAndDropsInvocationsOlderThanOnePeriod(string environment)
    {
        var period = RateExpression.PeriodOf(app.Stacks[environment].Config.Indexer.Schedule)!.Value;

        app.Templates[environment].HasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^IndexerFunction") },
            ["MaximumRetryAttempts"] = 0,
            ["MaximumEventAgeInSeconds"] = (int)period.TotalSeconds,
            ["Qualifier"] = "$LATEST",
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Indexer_IsCreatedAfterItsPolicy(string environment)
    {
        Indexer(environment)["DependsOn"]!.AsArray().Select(id => id!.GetValue<string>())
            .ShouldContain(id => id.StartsWith("IndexerPolicy", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterIndexerAndDigestFunction_ArePublishedIntoDifferentAssets(string environment)
    {
        var functions = TemplateWalker.Resources(app.Json[environment], "AWS::Lambda::Function").Values.ToList();

        // All are built from functions/; a shared asset would deploy one function's code as another.
        functions.Count.ShouldBe(3);
        functions.Select(f => f["Properties"]!["Code"]!["S3Key"]!.GetValue<string>()).Distinct().Count().ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Schedule_InvokesTheIndexerAtTheConfiguredRateWithRetriesAndADeadLetterQueue(string environment)
    {
        var config = app.Stacks[environment].Config;
        var period = RateExpression.PeriodOf(config.Indexer.Schedule)!.Value;
        var schedule = Resource(environment, "AWS::Scheduler::Schedule", "IndexerSchedule")["Properties"]!;
        var target = schedule["Target"]!;

        schedule["ScheduleExpression"]!.GetValue<string>().ShouldBe(config.Indexer.Schedule);
        schedule["ScheduleExpressionTimezone"]!.GetValue<string>().ShouldBe("UTC");
        schedule["FlexibleTimeWindow"]!["Mode"]!.GetValue<string>().ShouldBe("OFF");
        schedule["State"]!.GetValue<string>().ShouldBe("ENABLED");
        target["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("IndexerFunction");
        target["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("IndexerScheduleRole");
        target["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>().ShouldBe(5);
        target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!.GetValue<int>().ShouldBe((int)period.TotalSeconds);
        target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("IndexerScheduleDeadLetterQueue");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Schedule_IsCreatedAfterItsRolePolicy(string environment)
    {
        Resource(environment, "AWS::Scheduler::Schedule", "IndexerSchedule")["DependsOn"]!.AsArray()
            .Select(id => id!.GetValue<string>())
            .ShouldContain(id => id.StartsWith("IndexerSchedulePolicy", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerDeadLetterQueue_IsKmsEncryptedAndTlsOnly(string environment)
    {
        var (id, queue) = TemplateWalker.Resources(app.Json[environment], "AWS::SQS::Queue")
            .Single(pair => pair.Key.StartsWith("IndexerScheduleDeadLetterQueue", StringComparison.Ordinal));

        queue["Properties"]!["KmsMasterKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
        queue["Properties"]!["QueueName"]!.GetValue<string>().ShouldBe($"paymentaudit-{environment}-indexer-start-dlq");
        TemplateWalker.Statements(app.Json[environment])
            .ShouldContain(s => s.ResourceType == "AWS::SQS::QueuePolicy" && s.IsTlsOnlyDeny
                && s.Statement["Resource"]!.ToJsonString().Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stack_OutputsTheIndexerFunctionName(string environment)
    {
        app.Json[environment]["Outputs"]!["IndexerFunctionName"]!["Value"]!["Ref"]!.GetValue<string>().ShouldStartWith("IndexerFunction");
    }

    private JsonObject Indexer(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::Lambda::Function").Values
            .Single(f => f["Properties"]!["Handler"]!.GetValue<string>() == Handler);

    private JsonObject Resource(string environment, string type, string logicalIdPrefix) =>
        TemplateWalker.Resources(app.Json[environment], type)
            .Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == logicalIdPrefix).Value;
}
