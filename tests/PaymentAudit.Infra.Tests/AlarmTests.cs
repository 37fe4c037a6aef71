using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Configuration;
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

        alarms.Count.ShouldBe(20);
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
    [MemberData(nameof(Environments))]
    public void DeadLetterAlarm_NamesTheCommandsAndRolesThatListAndRedrive(string environment)
    {
        var description = Alarm(environment, "dlq-messages-visible")["AlarmDescription"]!.GetValue<string>();

        description.ShouldContain($"'paymentaudit dlq list --env {environment}' (auditor role)");
        description.ShouldContain($"'paymentaudit dlq redrive --env {environment}' (operator role)");
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
    [InlineData("dev", "indexer-errors", "Errors", "AWS/Lambda")]
    [InlineData("prod", "indexer-errors", "Errors", "AWS/Lambda")]
    [InlineData("dev", "indexer-not-started", "ApproximateNumberOfMessagesVisible", "AWS/SQS")]
    [InlineData("prod", "indexer-not-started", "ApproximateNumberOfMessagesVisible", "AWS/SQS")]
    [InlineData("dev", "digest-errors", "Errors", "AWS/Lambda")]
    [InlineData("prod", "digest-errors", "Errors", "AWS/Lambda")]
    [InlineData("dev", "digest-not-started", "ApproximateNumberOfMessagesVisible", "AWS/SQS")]
    [InlineData("prod", "digest-not-started", "ApproximateNumberOfMessagesVisible", "AWS/SQS")]
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
    [InlineData("dev", "writer-conflicting-duplicates", "ConflictingDuplicate")]
    [InlineData("dev", "writer-failed-events", "Failed")]
    [InlineData("prod", "writer-conflicting-duplicates", "ConflictingDuplicate")]
    [InlineData("prod", "writer-failed-events", "Failed")]
    public void WriterOutcomeAlarm_WatchesItsMetricWithConfiguredThresholdAndMissingAsZero(string environment, string name, string metric)
    {
        var config = app.Stacks[environment].Config;
        var threshold = metric == "Failed" ? config.Alarms.FailedEvents : config.Alarms.ConflictingDuplicates;

        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-{name}",
            ["Namespace"] = config.Writer.MetricsNamespace,
            ["MetricName"] = metric,
            ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "Environment", ["Value"] = environment } },
            ["Statistic"] = "Sum",
            ["Threshold"] = threshold,
            ["TreatMissingData"] = "notBreaching",
        }));
    }

    [Fact]
    public void ConflictingDuplicateAlarm_FiresOnTheFirstOneInProd()
    {
        app.Stacks["prod"].Config.Alarms.ConflictingDuplicates.ShouldBe(0);
    }

    [Theory]
    [InlineData("dev", "table-throttled-requests", "ThrottledRequests")]
    [InlineData("dev", "table-system-errors", "SystemErrors")]
    [InlineData("prod", "table-throttled-requests", "ThrottledRequests")]
    [InlineData("prod", "table-system-errors", "SystemErrors")]
    public void TableAlarm_SumsTheWriterOperationsWithEachSeriesFilledWithZero(string environment, string name, string metric)
    {
        var alarm = TemplateWalker.Resources(app.Json[environment], "AWS::CloudWatch::Alarm").Values
            .Single(a => a["Properties"]!["AlarmName"]!.GetValue<string>() == $"PaymentAudit-{environment}-{name}")["Properties"]!;
        var queries = alarm["Metrics"]!.AsArray();

        // DynamoDB publishes a per-operation series only when something happened; without FILL a
        // quiet operation leaves the sum missing and a notBreaching alarm never fires.
        var expression = queries.Single(q => q!["Expression"] != null)!;
        expression["Expression"]!.GetValue<string>().ShouldBe("FILL(m0, 0) + FILL(m1, 0) + FILL(m2, 0)");
        expression["ReturnData"]?.GetValue<bool>().ShouldNotBe(false);
        var stats = queries.Where(q => q!["MetricStat"] != null).Select(q => q!["MetricStat"]!).ToList();
        stats.ShouldAllBe(stat => stat["Metric"]!["MetricName"]!.GetValue<string>() == metric && stat["Stat"]!.GetValue<string>() == "Sum");
        stats.Select(stat => stat["Metric"]!["Dimensions"]!.AsArray().Single(d => d!["Name"]!.GetValue<string>() == "Operation")!["Value"]!.GetValue<string>())
            .ShouldBe(["PutItem", "GetItem", "Query"], ignoreOrder: true);
        queries.Where(q => q!["MetricStat"] != null).ShouldAllBe(q => q!["ReturnData"]!.GetValue<bool>() == false);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerErrorsAlarm_CountsFailedRunsPerHourAndKeepsItsStateBetweenRuns(string environment)
    {
        var alarm = Alarm(environment, "indexer-errors");

        alarm["Statistic"]!.GetValue<string>().ShouldBe("Sum");
        alarm["Period"]!.GetValue<int>().ShouldBe(3600);
        alarm["Threshold"]!.GetValue<int>().ShouldBe(app.Stacks[environment].Config.Alarms.IndexerErrors);
        alarm["ComparisonOperator"]!.GetValue<string>().ShouldBe("GreaterThanThreshold");
        alarm["Dimensions"]![0]!["Value"]!["Ref"]!.GetValue<string>().ShouldStartWith("IndexerFunction");
        // Between two runs there is no datapoint: the state of the last run holds.
        alarm["TreatMissingData"]!.GetValue<string>().ShouldBe("ignore");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexProblemsAlarm_WatchesTheWorstRunOfTheHourWithConfiguredThreshold(string environment)
    {
        var config = app.Stacks[environment].Config;

        app.Templates[environment].HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AlarmName"] = $"PaymentAudit-{environment}-index-problems",
            ["Namespace"] = config.Writer.MetricsNamespace,
            ["MetricName"] = "IndexProblems",
            ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "Environment", ["Value"] = environment } },
            ["Statistic"] = "Maximum",
            ["Period"] = 3600,
            ["Threshold"] = config.Alarms.IndexProblems,
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["TreatMissingData"] = "ignore",
        }));
    }

    [Fact]
    public void IndexProblemsAlarm_FiresOnTheFirstChainThatDoesNotLinkInProd()
    {
        app.Stacks["prod"].Config.Alarms.IndexProblems.ShouldBe(0);
        app.Stacks["prod"].Config.Alarms.IndexerErrors.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexNotAdvancingAlarm_FiresAfterTwoSchedulePeriodsWithoutASuccessfulRun(string environment)
    {
        var period = (int)RateExpression.PeriodOf(app.Stacks[environment].Config.Indexer.Schedule)!.Value.TotalSeconds;
        var alarm = Alarm(environment, "index-not-advancing");
        var queries = alarm["Metrics"]!.AsArray();

        // Successful runs per period: every quiet period is a 0, so a stopped indexer breaches
        // even while its last runs are still in CloudWatch's evaluation range.
        var expression = queries.Single(q => q!["Expression"] != null)!;
        expression["Expression"]!.GetValue<string>().ShouldBe("FILL(invocations, 0) - FILL(errors, 0)");
        var stats = queries.Where(q => q!["MetricStat"] != null).ToDictionary(q => q!["Id"]!.GetValue<string>(), q => q!["MetricStat"]!);
        stats.Keys.Order(StringComparer.Ordinal).ShouldBe(["errors", "invocations"]);
        stats["invocations"]["Metric"]!["MetricName"]!.GetValue<string>().ShouldBe("Invocations");
        stats["errors"]["Metric"]!["MetricName"]!.GetValue<string>().ShouldBe("Errors");
        foreach (var stat in stats.Values)
        {
            stat["Metric"]!["Namespace"]!.GetValue<string>().ShouldBe("AWS/Lambda");
            stat["Metric"]!["Dimensions"]![0]!["Value"]!["Ref"]!.GetValue<string>().ShouldStartWith("IndexerFunction");
            stat["Period"]!.GetValue<int>().ShouldBe(period);
            stat["Stat"]!.GetValue<string>().ShouldBe("Sum");
        }

        alarm["ComparisonOperator"]!.GetValue<string>().ShouldBe("LessThanThreshold");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(1);
        alarm["EvaluationPeriods"]!.GetValue<int>().ShouldBe(2);
        alarm["DatapointsToAlarm"]!.GetValue<int>().ShouldBe(2);
        // No data at all in the range means no run at all.
        alarm["TreatMissingData"]!.GetValue<string>().ShouldBe("breaching");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IndexerNotStartedAlarm_FiresOnAnyDeadLetteredInvocation(string environment)
    {
        var alarm = Alarm(environment, "indexer-not-started");

        alarm["Dimensions"]!.ToJsonString().ShouldContain("IndexerScheduleDeadLetterQueue");
        alarm["Statistic"]!.GetValue<string>().ShouldBe("Maximum");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestErrorsAlarm_FiresOnAnyFailedRunAndKeepsItsStateBetweenRuns(string environment)
    {
        var alarm = Alarm(environment, "digest-errors");

        alarm["Statistic"]!.GetValue<string>().ShouldBe("Sum");
        alarm["Period"]!.GetValue<int>().ShouldBe(app.Stacks[environment].Config.Digests.PeriodMinutes * 60);
        alarm["Threshold"]!.GetValue<int>().ShouldBe(1);
        alarm["ComparisonOperator"]!.GetValue<string>().ShouldBe("GreaterThanOrEqualToThreshold");
        alarm["Dimensions"]![0]!["Value"]!["Ref"]!.GetValue<string>().ShouldStartWith("DigestFunction");
        alarm["TreatMissingData"]!.GetValue<string>().ShouldBe("ignore");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestNotWrittenAlarm_FiresWhenTwoPeriodsPassWithoutADigest(string environment)
    {
        var config = app.Stacks[environment].Config;
        var alarm = Alarm(environment, "digest-not-written");
        var queries = alarm["Metrics"]!.AsArray();

        // Digests stored in a window of two periods, every empty window a 0, so digests that stop
        // breach even while the last ones are still in CloudWatch's evaluation range.
        var expression = queries.Single(q => q!["Expression"] != null)!;
        expression["Expression"]!.GetValue<string>().ShouldBe("FILL(digests, 0)");
        var stat = queries.Single(q => q!["MetricStat"] != null)!;
        stat["Id"]!.GetValue<string>().ShouldBe("digests");
        stat["ReturnData"]!.GetValue<bool>().ShouldBeFalse();
        stat["MetricStat"]!["Metric"]!["Namespace"]!.GetValue<string>().ShouldBe(config.Writer.MetricsNamespace);
        stat["MetricStat"]!["Metric"]!["MetricName"]!.GetValue<string>().ShouldBe("DigestsWritten");
        stat["MetricStat"]!["Metric"]!["Dimensions"]!.ToJsonString().ShouldBe($"[{{\"Name\":\"Environment\",\"Value\":\"{environment}\"}}]");
        stat["MetricStat"]!["Stat"]!.GetValue<string>().ShouldBe("Sum");
        stat["MetricStat"]!["Period"]!.GetValue<int>().ShouldBe(2 * config.Digests.PeriodMinutes * 60);
        alarm["ComparisonOperator"]!.GetValue<string>().ShouldBe("LessThanThreshold");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(1);
        alarm["EvaluationPeriods"]!.GetValue<int>().ShouldBe(1);
        // No data at all in the range means no digest at all.
        alarm["TreatMissingData"]!.GetValue<string>().ShouldBe("breaching");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestNotWrittenAlarm_WindowFitsTheDayCloudWatchEvaluates(string environment)
    {
        var alarm = Alarm(environment, "digest-not-written");
        var period = alarm["Metrics"]!.AsArray().Single(q => q!["MetricStat"] != null)!["MetricStat"]!["Period"]!.GetValue<int>();

        (period * alarm["EvaluationPeriods"]!.GetValue<int>()).ShouldBeLessThanOrEqualTo(86_400);
        (period % 60).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DigestNotStartedAlarm_FiresOnAnyDeadLetteredInvocation(string environment)
    {
        var alarm = Alarm(environment, "digest-not-started");

        alarm["Dimensions"]!.ToJsonString().ShouldContain("DigestScheduleDeadLetterQueue");
        alarm["Statistic"]!.GetValue<string>().ShouldBe("Maximum");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(0);
        alarm["ComparisonOperator"]!.GetValue<string>().ShouldBe("GreaterThanThreshold");
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

        foreach (var expected in new[] { "NumberOfMessagesSent", "Invocations", "Accepted", "Rejected", "Redacted", "Duplicate", "ConflictingDuplicate", "Failed", "BatchDurationMs", "ConsumedWriteCapacityUnits", "ApproximateNumberOfMessagesVisible", "FILL(m0, 0)", "RecordsIndexed", "IndexProblems", "IndexRunDurationMs", "DigestsWritten", "ChainsDigested", "ChainsMoved", "DigestDurationMs" })
        {
            body.ShouldContain(expected);
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Dashboard_ShowsTheIndexerAndDigestFunctionsAndEveryAlarm(string environment)
    {
        var json = app.Json[environment];
        var body = TemplateWalker.Resources(json, "AWS::CloudWatch::Dashboard").Single().Value["Properties"]!["DashboardBody"]!.ToJsonString();
        var functions = TemplateWalker.Resources(json, "AWS::Lambda::Function").Keys;

        body.ShouldContain(functions.Single(id => id.StartsWith("IndexerFunction", StringComparison.Ordinal)));
        body.ShouldContain(functions.Single(id => id.StartsWith("DigestFunction", StringComparison.Ordinal)));
        foreach (var alarm in TemplateWalker.Resources(json, "AWS::CloudWatch::Alarm").Keys)
        {
            body.ShouldContain(alarm);
        }
    }

    private System.Text.Json.Nodes.JsonNode Alarm(string environment, string name) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::CloudWatch::Alarm").Values
            .Single(a => a["Properties"]!["AlarmName"]!.GetValue<string>() == $"PaymentAudit-{environment}-{name}")["Properties"]!;
}
