using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// The Amazon States Language definition of the table export, in the JSONata query language. The
/// input is <c>{"exportType": "FULL" | "INCREMENTAL", "scheduledTime": "&lt;ISO 8601&gt;"}</c>
/// (EventBridge Scheduler fills <c>scheduledTime</c>), optionally with <c>"rerun"</c> to start an
/// export again for the same window. The machine derives whole UTC days from the scheduled time:
/// a full export of the table as of 00:00 UTC of that day, or an incremental export of the day
/// before it. It starts the export through the AWS SDK integration, polls it until it completes, and
/// fails (so the failure alarm fires) when the export fails or cannot be started.
/// </summary>
/// <remarks>
/// The definition names the table, bucket, key and account through <c>${...}</c> placeholders that
/// CloudFormation substitutes (<see cref="Placeholders"/>).
/// </remarks>
public static class ExportStateMachineDefinition
{
    /// <summary>Input value of a periodic full export.</summary>
    public const string Full = "FULL";

    /// <summary>Input value of a daily incremental export.</summary>
    public const string Incremental = "INCREMENTAL";

    /// <summary>Key prefix of full exports; DynamoDB appends <c>AWSDynamoDB/&lt;export id&gt;/</c>.</summary>
    public const string FullPrefix = AuditArchive.ExportPrefix + "full/";

    /// <summary>Key prefix of incremental exports.</summary>
    public const string IncrementalPrefix = AuditArchive.ExportPrefix + "incremental/";

    /// <summary>Seconds between two DescribeExport calls while an export runs.</summary>
    public const int PollSeconds = 300;

    /// <summary>An execution that has not finished after this many seconds times out (and alarms).</summary>
    public const int TimeoutSeconds = 24 * 3600;

    /// <summary>Names of the substitution placeholders the definition uses.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["Partition", "TableArn", "BucketName", "BucketOwner", "KeyArn"];

    private const string DayMillis = "86400000";

    // Whole UTC day that contains the scheduled time, as epoch milliseconds of its 00:00.
    private const string DayStart = "$floor($toMillis($states.input.scheduledTime) / " + DayMillis + ") * " + DayMillis;

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The definition as JSON text, placeholders unsubstituted.</summary>
    public static string Build() => Definition().ToJsonString(WriteOptions);

    private static JsonObject Definition() => new()
    {
        ["Comment"] = "PaymentAudit: export the audit table (full or incremental) to the export staging bucket and wait for the result",
        ["QueryLanguage"] = "JSONata",
        ["TimeoutSeconds"] = TimeoutSeconds,
        ["StartAt"] = "Plan",
        ["States"] = new JsonObject
        {
            // Assign evaluates every expression against the state's input, so the day start is spelled
            // out again in the client token. The same scheduled time always yields the same window and
            // token: a duplicate start returns the running export instead of starting a second one.
            ["Plan"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Assign"] = new JsonObject
                {
                    ["exportType"] = "{% $states.input.exportType %}",
                    ["dayStart"] = "{% " + DayStart + " %}",
                    ["clientToken"] = "{% $states.input.exportType & '-' & $string(" + DayStart + ") & ($exists($states.input.rerun) ? '-' & $string($states.input.rerun) : '') %}",
                },
                ["Next"] = "FullOrIncremental",
            },
            ["FullOrIncremental"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    new JsonObject { ["Condition"] = $"{{% $exportType = '{Full}' %}}", ["Next"] = "StartFullExport" },
                    new JsonObject { ["Condition"] = $"{{% $exportType = '{Incremental}' %}}", ["Next"] = "StartIncrementalExport" }),
                ["Default"] = "UnknownExportType",
            },
            ["UnknownExportType"] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = "PaymentAudit.UnknownExportType",
                ["Cause"] = $"{{% 'exportType must be {Full} or {Incremental}, got ' & $string($exportType) %}}",
            },
            ["StartFullExport"] = StartExport(new JsonObject
            {
                ["S3Prefix"] = $"{{% '{FullPrefix}' & $substring($fromMillis($dayStart), 0, 10) %}}",
                ["ExportType"] = "FULL_EXPORT",
                ["ExportTime"] = "{% $fromMillis($dayStart) %}",
            }),
            ["StartIncrementalExport"] = StartExport(new JsonObject
            {
                ["S3Prefix"] = $"{{% '{IncrementalPrefix}' & $substring($fromMillis($dayStart - {DayMillis}), 0, 10) %}}",
                ["ExportType"] = "INCREMENTAL_EXPORT",
                ["IncrementalExportSpecification"] = new JsonObject
                {
                    ["ExportFromTime"] = $"{{% $fromMillis($dayStart - {DayMillis}) %}}",
                    ["ExportToTime"] = "{% $fromMillis($dayStart) %}",
                    // Records are never updated, so the new image is the whole story.
                    ["ExportViewType"] = "NEW_IMAGE",
                },
            }),
            ["WaitForExport"] = new JsonObject
            {
                ["Type"] = "Wait",
                ["Seconds"] = PollSeconds,
                ["Next"] = "DescribeExport",
            },
            ["DescribeExport"] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:${Partition}:states:::aws-sdk:dynamodb:describeExport",
                ["Arguments"] = new JsonObject { ["ExportArn"] = "{% $exportArn %}" },
                ["Output"] = "{% $states.result.ExportDescription %}",
                ["Retry"] = TransientErrors(),
                ["Catch"] = FailOnAnyError(),
                ["Next"] = "CheckExportStatus",
            },
            ["CheckExportStatus"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    new JsonObject { ["Condition"] = "{% $states.input.ExportStatus = 'COMPLETED' %}", ["Next"] = "ExportCompleted" },
                    new JsonObject { ["Condition"] = "{% $states.input.ExportStatus = 'FAILED' %}", ["Next"] = "ExportFailed" }),
                ["Default"] = "WaitForExport",
            },
            ["ExportCompleted"] = new JsonObject { ["Type"] = "Succeed" },
            ["ExportFailed"] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = "PaymentAudit.ExportFailed",
                // Either DescribeExport's FailureCode/FailureMessage or a caught error's Error/Cause.
                ["Cause"] = "{% $string($states.input) %}",
            },
        },
    };

    private static JsonObject StartExport(JsonObject specific)
    {
        var arguments = new JsonObject
        {
            ["TableArn"] = "${TableArn}",
            ["S3Bucket"] = "${BucketName}",
            ["S3BucketOwner"] = "${BucketOwner}",
            ["S3SseAlgorithm"] = "KMS",
            ["S3SseKmsKeyId"] = "${KeyArn}",
            ["ExportFormat"] = "DYNAMODB_JSON",
            ["ClientToken"] = "{% $clientToken %}",
        };
        foreach (var (key, value) in specific.ToList())
        {
            specific.Remove(key);
            arguments[key] = value;
        }

        return new JsonObject
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:${Partition}:states:::aws-sdk:dynamodb:exportTableToPointInTime",
            ["Arguments"] = arguments,
            ["Assign"] = new JsonObject { ["exportArn"] = "{% $states.result.ExportDescription.ExportArn %}" },
            ["Retry"] = TransientErrors(),
            ["Catch"] = FailOnAnyError(),
            ["Next"] = "WaitForExport",
        };
    }

    // Throttling and server-side errors pass; anything else (validation, permissions, PITR off) will
    // not get better by waiting and goes straight to the failure path.
    private static JsonArray TransientErrors() => new(new JsonObject
    {
        ["ErrorEquals"] = new JsonArray(
            "DynamoDb.LimitExceededException",
            "DynamoDb.InternalServerErrorException",
            "DynamoDb.ThrottlingException",
            "DynamoDb.RequestLimitExceededException"),
        ["IntervalSeconds"] = 30,
        ["BackoffRate"] = 2,
        ["MaxAttempts"] = 6,
        ["MaxDelaySeconds"] = 600,
    });

    private static JsonArray FailOnAnyError() => new(new JsonObject
    {
        ["ErrorEquals"] = new JsonArray("States.ALL"),
        ["Next"] = "ExportFailed",
    });
}
