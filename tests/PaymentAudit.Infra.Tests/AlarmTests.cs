using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class AlarmTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void EveryAlarm_NotifiesTheTopicOnAlarmAndRecovery(string environment)
    {
        var alarms = TemplateWalker.Resources(app.Json[environment], "AWS::CloudWatch::Alarm").Values.ToList();

        alarms.Count.ShouldBe(8);
        foreach (var alarm in alarms)
        {
            alarm["Properties"]!["AlarmActions"]!.ToJsonString().ShouldContain("AlarmsTopic");
            alarm["Properties"]!["OKActions"]!.ToJsonString().ShouldContain("AlarmsTopic");
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeadLetterAlarm_FiresOnAnyVisibleMessage(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-dlq-messages-visible",
            ["MetricName"] = "ApproximateNumberOfMessagesVisible",
            ["Namespace"] = "AWS/SQS",
            ["Threshold"] = 0,
            ["ComparisonOperator"] = "GreaterThanThreshold",
        }));
    }

    [Theory]
    [InlineData("dev", "queue-oldest-message-age", "ApproximateAgeOfOldestMessage", "AWS/SQS")]
    [InlineData("dev", "writer-errors", "Errors", "AWS/Lambda")]
    [InlineData("dev", "writer-throttles", "Throttles", "AWS/Lambda")]
    [InlineData("dev", "backup-jobs-failed", "NumberOfBackupJobsFailed", "AWS/Backup")]
    [InlineData("prod", "queue-oldest-message-age", "ApproximateAgeOfOldestMessage", "AWS/SQS")]
    [InlineData("prod", "writer-errors", "Errors", "AWS/Lambda")]
    [InlineData("prod", "writer-throttles", "Throttles", "AWS/Lambda")]
    [InlineData("prod", "backup-jobs-failed", "NumberOfBackupJobsFailed", "AWS/Backup")]
    public void ServiceAlarm_WatchesItsMetric(string environment, string name, string metric, string metricNamespace)
    {
        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-{name}",
            ["MetricName"] = metric,
            ["Namespace"] = metricNamespace,
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void RejectedAlarm_WatchesTheWriterMetricWithConfiguredThreshold(string environment)
    {
        var config = app.Stacks[environment].Config;

        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-writer-rejected-events",
            ["Namespace"] = config.Writer.MetricsNamespace,
            ["MetricName"] = "Rejected",
            ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "Environment", ["Value"] = environment } },
            ["Statistic"] = "Sum",
            ["Threshold"] = config.Alarms.RejectedEvents,
        }));
    }

    [Theory]
    [InlineData("dev", "table-throttled-requests", "ThrottledRequests")]
    [InlineData("dev", "table-system-errors", "SystemErrors")]
    [InlineData("prod", "table-throttled-requests", "ThrottledRequests")]
    [InlineData("prod", "table-system-errors", "SystemErrors")]
    public void TableAlarm_SumsTheMetricOverTheWriterAndAuditorOperations(string environment, string name, string metric)
    {
        var alarm = TemplateWalker.Resources(app.Json[environment], "AWS::CloudWatch::Alarm").Values
            .Single(a => a["Properties"]!["AlarmName"]!.GetValue<string>() == $"PaymentAudit-{environment}-{name}");
        var text = alarm.ToJsonString();

        text.ShouldContain($"\"MetricName\":\"{metric}\"");
        foreach (var operation in new[] { "PutItem", "GetItem", "TransactWriteItems", "Query" })
        {
            text.ShouldContain($"\"Value\":\"{operation}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Topic_IsEncryptedAndTlsOnly(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::SNS::Topic", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KmsMasterKeyId"] = Match.AnyValue(),
        }));
        TemplateWalker.Statements(app.Json[environment])
            .ShouldContain(s => s.ResourceType == "AWS::SNS::TopicPolicy" && s.IsTlsOnlyDeny);
    }

    [Fact]
    public void EmailSubscription_ExistsOnlyWhereConfigured()
    {
        app.Prod.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = app.Stacks["prod"].Config.Alarms.Email!,
            ["TopicArn"] = Match.AnyValue(),
        });
        app.Dev.ResourceCountIs("AWS::SNS::Subscription", 0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Dashboard_ShowsTheWholeFlow(string environment)
    {
        var body = TemplateWalker.Resources(app.Json[environment], "AWS::CloudWatch::Dashboard").Single().Value["Properties"]!["DashboardBody"]!.ToJsonString();

        foreach (var expected in new[] { "NumberOfMessagesSent", "Invocations", "Accepted", "Rejected", "Duplicate", "Failed", "BatchDurationMs", "ConsumedWriteCapacityUnits", "ApproximateNumberOfMessagesVisible" })
        {
            body.ShouldContain(expected);
        }
    }
}
