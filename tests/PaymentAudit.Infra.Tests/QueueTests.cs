using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class QueueTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditQueue_IsHighThroughputFifoWithKmsAndRedrive(string environment)
    {
        var config = app.Stacks[environment].Config;

        app.Templates[environment].HasResourceProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object>
        {
            ["QueueName"] = $"paymentaudit-{environment}-audit.fifo",
            ["FifoQueue"] = true,
            ["ContentBasedDeduplication"] = false,
            ["DeduplicationScope"] = "messageGroup",
            ["FifoThroughputLimit"] = "perMessageGroupId",
            ["MaximumMessageSize"] = 262_144,
            ["MessageRetentionPeriod"] = 4 * 24 * 3600,
            ["KmsMasterKeyId"] = Match.AnyValue(),
            ["RedrivePolicy"] = Match.ObjectLike(new Dictionary<string, object> { ["maxReceiveCount"] = config.Queue.MaxReceiveCount }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void AuditQueue_VisibilityTimeoutIsAtLeastSixTimesTheWriterTimeout(string environment)
    {
        var queue = TemplateWalker.Resources(app.Json[environment], "AWS::SQS::Queue")
            .Single(pair => pair.Value["Properties"]!["RedrivePolicy"] is not null).Value;
        var function = TemplateWalker.Resources(app.Json[environment], "AWS::Lambda::Function").Values
            .Single(f => f["Properties"]!["Handler"]!.GetValue<string>().StartsWith("PaymentAudit.Writer::", StringComparison.Ordinal));

        var visibility = queue["Properties"]!["VisibilityTimeout"]!.GetValue<int>();
        var timeout = function["Properties"]!["Timeout"]!.GetValue<int>();

        visibility.ShouldBeGreaterThanOrEqualTo(6 * timeout);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeadLetterQueue_IsFifoWithFourteenDaysRetentionAndKms(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::SQS::Queue", Match.ObjectLike(new Dictionary<string, object>
        {
            ["QueueName"] = $"paymentaudit-{environment}-audit-dlq.fifo",
            ["FifoQueue"] = true,
            ["MessageRetentionPeriod"] = 14 * 24 * 3600,
            ["KmsMasterKeyId"] = Match.AnyValue(),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void EveryQueue_DeniesRequestsWithoutTls(string environment)
    {
        var tlsDenies = TemplateWalker.Statements(app.Json[environment])
            .Where(s => s.ResourceType == "AWS::SQS::QueuePolicy" && s.IsTlsOnlyDeny && s.Actions.SequenceEqual(["sqs:*"]));

        // The audit queue, its dead-letter queue, and the export-start, indexer-start and digest-start dead-letter queues.
        tlsDenies.Count().ShouldBe(5);
    }
}
