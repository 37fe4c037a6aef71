using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>The scheduled exports: schedules, their retries and dead-letter queue, the state machine and its alarms.</summary>
[Collection(SharedSynthesis.Name)]
public sealed partial class ExportTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [InlineData("dev", "INCREMENTAL")]
    [InlineData("dev", "FULL")]
    [InlineData("prod", "INCREMENTAL")]
    [InlineData("prod", "FULL")]
    public void Schedule_StartsTheStateMachineWithRetriesAndADeadLetterQueue(string environment, string exportType)
    {
        var target = Schedule(environment, exportType)["Target"]!;

        target["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("ExportStateMachine");
        target["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("ExportSchedulerRole");
        target["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>().ShouldBe(5);
        target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!.GetValue<int>().ShouldBe(6 * 3600);
        target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("ExportDeadLetterQueue");
        var input = JsonNode.Parse(target["Input"]!.GetValue<string>())!;
        input["exportType"]!.GetValue<string>().ShouldBe(exportType);
        input["scheduledTime"]!.GetValue<string>().ShouldBe("<aws.scheduler.scheduled-time>");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Schedules_UseTheConfiguredExpressionsInUtc(string environment)
    {
        var archive = app.Stacks[environment].Config.Archive;

        Schedule(environment, "INCREMENTAL")["ScheduleExpression"]!.GetValue<string>().ShouldBe(archive.IncrementalExportSchedule);
        Schedule(environment, "FULL")["ScheduleExpression"]!.GetValue<string>().ShouldBe(archive.FullExportSchedule);
        Schedule(environment, "FULL")["ScheduleExpressionTimezone"]!.GetValue<string>().ShouldBe("UTC");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportDeadLetterQueue_IsKmsEncryptedAndTlsOnly(string environment)
    {
        var queue = TemplateWalker.Resources(app.Json[environment], "AWS::SQS::Queue")
            .Single(pair => pair.Key.StartsWith("ExportDeadLetterQueue", StringComparison.Ordinal));

        queue.Value["Properties"]!["KmsMasterKeyId"].ShouldNotBeNull();
        TemplateWalker.Statements(app.Json[environment])
            .ShouldContain(s => s.ResourceType == "AWS::SQS::QueuePolicy" && s.IsTlsOnlyDeny
                && s.Statement["Resource"]!.ToJsonString().Contains(queue.Key, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void StateMachine_UsesJsonataAndTheDynamoDbSdkIntegration(string environment)
    {
        var definition = Definition(environment);
        var states = definition["States"]!.AsObject();

        definition["QueryLanguage"]!.GetValue<string>().ShouldBe("JSONata");
        states["StartIncrementalExport"]!["Resource"]!.GetValue<string>().ShouldBe("arn:${Partition}:states:::aws-sdk:dynamodb:exportTableToPointInTime");
        states["StartFullExport"]!["Resource"]!.GetValue<string>().ShouldBe("arn:${Partition}:states:::aws-sdk:dynamodb:exportTableToPointInTime");
        states["DescribeExport"]!["Resource"]!.GetValue<string>().ShouldBe("arn:${Partition}:states:::aws-sdk:dynamodb:describeExport");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void IncrementalExport_CoversThePreviousUtcDayWithNewImages(string environment)
    {
        var arguments = Definition(environment)["States"]!["StartIncrementalExport"]!["Arguments"]!;
        var window = arguments["IncrementalExportSpecification"]!;

        arguments["ExportType"]!.GetValue<string>().ShouldBe("INCREMENTAL_EXPORT");
        window["ExportFromTime"]!.GetValue<string>().ShouldBe("{% $fromMillis($dayStart - 86400000) %}");
        window["ExportToTime"]!.GetValue<string>().ShouldBe("{% $fromMillis($dayStart) %}");
        window["ExportViewType"]!.GetValue<string>().ShouldBe("NEW_IMAGE");
        arguments["S3Prefix"]!.GetValue<string>().ShouldStartWith("{% 'exports/incremental/'");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FullExport_IsTakenAtTheStartOfTheScheduledUtcDay(string environment)
    {
        var states = Definition(environment)["States"]!;
        var arguments = states["StartFullExport"]!["Arguments"]!;

        arguments["ExportType"]!.GetValue<string>().ShouldBe("FULL_EXPORT");
        arguments["ExportTime"]!.GetValue<string>().ShouldBe("{% $fromMillis($dayStart) %}");
        states["Plan"]!["Assign"]!["dayStart"]!.GetValue<string>()
            .ShouldBe("{% $floor($toMillis($states.input.scheduledTime) / 86400000) * 86400000 %}");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EveryExport_IsKmsEncryptedIdempotentAndWrittenToTheStagingBucket(string environment)
    {
        var states = Definition(environment)["States"]!;
        foreach (var name in new[] { "StartFullExport", "StartIncrementalExport" })
        {
            var arguments = states[name]!["Arguments"]!;
            arguments["S3Bucket"]!.GetValue<string>().ShouldBe("${BucketName}");
            arguments["S3SseAlgorithm"]!.GetValue<string>().ShouldBe("KMS");
            arguments["S3SseKmsKeyId"]!.GetValue<string>().ShouldBe("${KeyArn}");
            arguments["ClientToken"]!.GetValue<string>().ShouldBe("{% $clientToken %}");
        }

        var substitutions = StateMachine(environment)["DefinitionSubstitutions"]!;
        substitutions["BucketName"]!["Ref"]!.GetValue<string>().ShouldStartWith("ArchiveExportStagingBucket");
        substitutions["KeyArn"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EveryTask_RetriesTransientErrorsAndFailsTheExecutionOnAnyOther(string environment)
    {
        var states = Definition(environment)["States"]!.AsObject();
        var tasks = states.Where(pair => pair.Value!["Type"]!.GetValue<string>() == "Task").ToList();

        tasks.Count.ShouldBe(3);
        foreach (var (_, task) in tasks)
        {
            task!["Retry"]![0]!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain("DynamoDb.LimitExceededException");
            task["Retry"]![0]!["MaxAttempts"]!.GetValue<int>().ShouldBeGreaterThan(0);
            task["Catch"]![0]!["ErrorEquals"]![0]!.GetValue<string>().ShouldBe("States.ALL");
            task["Catch"]![0]!["Next"]!.GetValue<string>().ShouldBe("ExportFailed");
        }

        states["ExportFailed"]!["Type"]!.GetValue<string>().ShouldBe("Fail");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void StateMachine_WaitsUntilTheExportCompletesOrFails(string environment)
    {
        var states = Definition(environment)["States"]!;
        var choices = states["CheckExportStatus"]!["Choices"]!.AsArray();

        states["DescribeExport"]!["Next"]!.GetValue<string>().ShouldBe("CheckExportStatus");
        choices.ShouldContain(c => c!["Condition"]!.GetValue<string>().Contains("'COMPLETED'", StringComparison.Ordinal) && c["Next"]!.GetValue<string>() == "ExportCompleted");
        choices.ShouldContain(c => c!["Condition"]!.GetValue<string>().Contains("'FAILED'", StringComparison.Ordinal) && c["Next"]!.GetValue<string>() == "ExportFailed");
        states["CheckExportStatus"]!["Default"]!.GetValue<string>().ShouldBe("WaitForExport");
        Definition(environment)["TimeoutSeconds"]!.GetValue<int>().ShouldBe(86400);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EveryPlaceholder_HasASubstitution(string environment)
    {
        var text = StateMachine(environment)["DefinitionString"]!.GetValue<string>();
        var substitutions = StateMachine(environment)["DefinitionSubstitutions"]!.AsObject().Select(pair => pair.Key).ToHashSet();

        var placeholders = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

        placeholders.ShouldNotBeEmpty();
        placeholders.Except(substitutions).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FailedExportAlarm_SumsFailedTimedOutAndAbortedExecutionsFilledWithZero(string environment)
    {
        var alarm = Alarm(environment, "table-export-failed");
        var metrics = alarm["Metrics"]!.AsArray();

        metrics.ShouldContain(m => m!["Expression"] != null && m["Expression"]!.GetValue<string>() == "FILL(e0, 0) + FILL(e1, 0) + FILL(e2, 0)");
        metrics.Where(m => m!["MetricStat"] != null).Select(m => m!["MetricStat"]!["Metric"]!["MetricName"]!.GetValue<string>())
            .ShouldBe(["ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted"], ignoreOrder: true);
        alarm.ToJsonString().ShouldContain("\"Name\":\"StateMachineArn\"");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportNotStartedAlarm_FiresOnAnyDeadLetteredStart(string environment)
    {
        var alarm = Alarm(environment, "table-export-not-started");

        alarm["MetricName"]!.GetValue<string>().ShouldBe("ApproximateNumberOfMessagesVisible");
        alarm["Dimensions"]!.ToJsonString().ShouldContain("ExportDeadLetterQueue");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void StagingBucket_ReplicatesExportsIntoTheArchiveWithItsKeyAndWithoutDeletes(string environment)
    {
        var buckets = TemplateWalker.Resources(app.Json[environment], "AWS::S3::Bucket");
        var archiveId = buckets.Keys.Single(id => id.StartsWith("ArchiveBucket", StringComparison.Ordinal));
        var replication = buckets.Single(pair => pair.Key.StartsWith("ArchiveExportStagingBucket", StringComparison.Ordinal)).Value["Properties"]!["ReplicationConfiguration"]!;
        var rule = replication["Rules"]!.AsArray().ShouldHaveSingleItem()!;

        replication["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("ExportCopyRole");
        rule["Status"]!.GetValue<string>().ShouldBe("Enabled");
        rule["Filter"]!["Prefix"]!.GetValue<string>().ShouldBe("exports/");
        rule["DeleteMarkerReplication"]!["Status"]!.GetValue<string>().ShouldBe("Disabled");
        rule["SourceSelectionCriteria"]!["SseKmsEncryptedObjects"]!["Status"]!.GetValue<string>().ShouldBe("Enabled");
        rule["Destination"]!["Bucket"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldBe(archiveId);
        rule["Destination"]!["EncryptionConfiguration"]!["ReplicaKmsKeyID"]!["Fn::GetAtt"]![0]!.GetValue<string>().ShouldStartWith("KeysDataKey");
        rule["Destination"]!["Metrics"]!["Status"]!.GetValue<string>().ShouldBe("Enabled");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ExportCopyAlarm_FiresOnAnyFailedReplication(string environment)
    {
        var alarm = Alarm(environment, "table-export-copy-failed");

        alarm["Namespace"]!.GetValue<string>().ShouldBe("AWS/S3");
        alarm["MetricName"]!.GetValue<string>().ShouldBe("OperationsFailedReplication");
        alarm["Dimensions"]!.ToJsonString().ShouldContain("\"Value\":\"CopyExportsIntoTheArchive\"");
        alarm["Threshold"]!.GetValue<int>().ShouldBe(0);
    }

    [GeneratedRegex(@"\$\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    private JsonNode Schedule(string environment, string exportType) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::Scheduler::Schedule")
            .Where(pair => pair.Key.StartsWith("Export", StringComparison.Ordinal))
            .Select(pair => pair.Value)
            .Single(schedule => JsonNode.Parse(schedule["Properties"]!["Target"]!["Input"]!.GetValue<string>())!["exportType"]!.GetValue<string>() == exportType)["Properties"]!;

    private JsonNode StateMachine(string environment) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::StepFunctions::StateMachine").Values.Single()["Properties"]!;

    private JsonNode Definition(string environment) =>
        JsonNode.Parse(StateMachine(environment)["DefinitionString"]!.GetValue<string>())!;

    private JsonNode Alarm(string environment, string name) =>
        TemplateWalker.Resources(app.Json[environment], "AWS::CloudWatch::Alarm").Values
            .Single(a => a["Properties"]!["AlarmName"]!.GetValue<string>() == $"PaymentAudit-{environment}-{name}")["Properties"]!;
}
