using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class WriterFunctionTests(SynthesizedApp app)
{
    private static readonly string[] Arm64 = ["arm64"];
    private static readonly string[] ReportBatchItemFailures = ["ReportBatchItemFailures"];

    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Writer_RunsDotnet10OnArm64WithJsonLogsInItsOwnLogGroup(string environment)
    {
        var writer = app.Stacks[environment].Config.Writer;

        app.Templates[environment].HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Architectures"] = Arm64,
            ["Handler"] = "PaymentAudit.Writer::PaymentAudit.Writer.Function::HandleAsync",
            ["MemorySize"] = writer.MemoryMiB,
            ["Timeout"] = writer.TimeoutSeconds,
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["LogFormat"] = "JSON",
                ["LogGroup"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^WriterLogGroup") }),
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Writer_GetsTheWritePathEnvironmentVariables(string environment)
    {
        var config = app.Stacks[environment].Config;

        app.Templates[environment].HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["PAYMENTAUDIT_TABLE_NAME"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^Table") },
                    ["PAYMENTAUDIT_ARCHIVE_BUCKET"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^ArchiveBucket") },
                    ["PAYMENTAUDIT_ENVIRONMENT"] = environment,
                    ["PAYMENTAUDIT_METRICS_NAMESPACE"] = config.Writer.MetricsNamespace,
                    ["PAYMENTAUDIT_MAX_EVENT_BYTES"] = config.Writer.MaxEventBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterLogGroup_IsEncryptedWithTheDataKeyAndConfiguredRetention(string environment)
    {
        var logGroup = TemplateWalker.Resources(app.Json[environment], "AWS::Logs::LogGroup")
            .Single(pair => PolicyStatementInTemplate.WithoutHash(pair.Key) == "WriterLogGroup").Value["Properties"]!;

        logGroup["KmsKeyId"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
        logGroup["RetentionInDays"]!.GetValue<int>().ShouldBe(app.Stacks[environment].Config.Writer.LogRetentionDays);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void QueueMapping_UsesBatchesOfTenPartialFailuresAndConfiguredConcurrency(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::Lambda::EventSourceMapping", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BatchSize"] = 10,
            ["FunctionResponseTypes"] = ReportBatchItemFailures,
            ["ScalingConfig"] = new Dictionary<string, object> { ["MaximumConcurrency"] = app.Stacks[environment].Config.Writer.MaxConcurrency },
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Writer_ReservesAtLeastTheEventSourceMaximumConcurrency(string environment)
    {
        var writer = app.Stacks[environment].Config.Writer;

        app.Templates[environment].HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "PaymentAudit.Writer::PaymentAudit.Writer.Function::HandleAsync",
            ["ReservedConcurrentExecutions"] = writer.ReservedConcurrency,
        }));
        writer.ReservedConcurrency.ShouldBeGreaterThanOrEqualTo(writer.MaxConcurrency);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void WriterRole_HasItsFixedName(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::IAM::Role", Match.ObjectLike(new Dictionary<string, object>
        {
            ["RoleName"] = $"PaymentAudit-{environment}-writer",
        }));
    }

    [Fact]
    public void QueueMapping_IsCreatedAfterTheWriterPolicy()
    {
        app.Dev.HasResource("AWS::Lambda::EventSourceMapping", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DependsOn"] = Match.ArrayWith([Match.StringLikeRegexp("^WriterPolicy")]),
        }));
    }
}
