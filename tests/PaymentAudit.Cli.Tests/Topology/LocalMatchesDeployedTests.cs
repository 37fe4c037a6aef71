using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Provisioning;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Topology;

/// <summary>
/// The resources the local run provisions match the AWS deployment's synthesized template: the
/// table's keys and indexes, and the queues' FIFO, deduplication, size, retention and redrive
/// attributes. The visibility timeout is deliberately shorter locally (a local setting) and is
/// not compared.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class LocalMatchesDeployedTests
{
    private static readonly string[] ComparedQueueAttributes =
    [
        "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit", "MaximumMessageSize", "MessageRetentionPeriod",
    ];

    private readonly LocalPipelineFixture _emulators;
    private readonly DeployedTemplate _template = DeployedTemplate.LoadDev();
    private readonly int _maxReceiveCount = DeploymentConfig.ReadMaxReceiveCount(DeploymentConfig.PathOf(DeploymentConfig.LocalMirror));

    public LocalMatchesDeployedTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task LocalTable_HasTheDeployedKeysIndexesAndProjections()
    {
        var resources = await _emulators.ProvisionAsync(_maxReceiveCount);
        using var dynamoDb = _emulators.DynamoDb.CreateClient();
        var deployed = _template.OnlyResource("AWS::DynamoDB::GlobalTable");

        var local = (await dynamoDb.DescribeTableAsync(resources.TableName)).Table;

        Keys(local.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value))).ShouldBe(Keys(deployed.GetProperty("KeySchema")));
        local.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(StringComparer.Ordinal)
            .ShouldBe(deployed.GetProperty("AttributeDefinitions").EnumerateArray()
                .Select(a => $"{a.GetProperty("AttributeName").GetString()}:{a.GetProperty("AttributeType").GetString()}").Order(StringComparer.Ordinal));
        var deployedIndexes = deployed.GetProperty("GlobalSecondaryIndexes").EnumerateArray().ToDictionary(i => i.GetProperty("IndexName").GetString()!);
        (local.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).Order(StringComparer.Ordinal).ShouldBe(deployedIndexes.Keys.Order(StringComparer.Ordinal));
        foreach (var index in local.GlobalSecondaryIndexes ?? [])
        {
            var twin = deployedIndexes[index.IndexName];
            Keys(index.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value))).ShouldBe(Keys(twin.GetProperty("KeySchema")));
            index.Projection.ProjectionType.Value.ShouldBe(twin.GetProperty("Projection").GetProperty("ProjectionType").GetString());
            var deployedNonKey = twin.GetProperty("Projection").TryGetProperty("NonKeyAttributes", out var attributes)
                ? attributes.EnumerateArray().Select(a => a.GetString()!).ToList()
                : [];
            (index.Projection.NonKeyAttributes ?? []).Order(StringComparer.Ordinal).ShouldBe(deployedNonKey.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task LocalQueues_HaveTheDeployedFifoDeduplicationSizeRetentionAndRedrive()
    {
        var resources = await _emulators.ProvisionAsync(_maxReceiveCount);
        using var sqs = _emulators.Sqs.CreateClient();
        // The audit queue pair is the FIFO pair; the template's other queues are the schedules' standard dead-letter queues.
        var deployedQueue = _template.OnlyResource("AWS::SQS::Queue", p => IsFifo(p) && p.TryGetProperty("RedrivePolicy", out _));
        var deployedDeadLetter = _template.OnlyResource("AWS::SQS::Queue", p => IsFifo(p) && !p.TryGetProperty("RedrivePolicy", out _));

        var queue = await AttributesAsync(sqs, resources.QueueUrl);
        var deadLetter = await AttributesAsync(sqs, resources.DeadLetterQueueUrl);

        foreach (var name in ComparedQueueAttributes)
        {
            Value(queue, name).ShouldBe(Deployed(deployedQueue, name), $"queue attribute {name}");
            Value(deadLetter, name).ShouldBe(Deployed(deployedDeadLetter, name), $"dead-letter queue attribute {name}");
        }

        using var redrive = JsonDocument.Parse(queue[QueueAttributeName.RedrivePolicy]);
        redrive.RootElement.GetProperty("maxReceiveCount").GetInt32()
            .ShouldBe(deployedQueue.GetProperty("RedrivePolicy").GetProperty("maxReceiveCount").GetInt32());
        redrive.RootElement.GetProperty("deadLetterTargetArn").GetString().ShouldBe(deadLetter[QueueAttributeName.QueueArn]);
    }

    private static bool IsFifo(JsonElement properties) => properties.TryGetProperty("FifoQueue", out var fifo) && fifo.ValueKind == JsonValueKind.True;

    private static async Task<Dictionary<string, string>> AttributesAsync(AmazonSQSClient sqs, string queueUrl) =>
        (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["All"] })).Attributes ?? [];

    // An attribute the deployed queue leaves out has the SQS default; the emulator may report it or not.
    private static string Value(Dictionary<string, string> attributes, string name) => attributes.GetValueOrDefault(name) ?? Default(name);

    private static string Deployed(JsonElement properties, string name) => properties.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
            _ => value.GetString()!,
        }
        : Default(name);

    private static string Default(string name) => name switch
    {
        "DeduplicationScope" => "queue",
        "FifoThroughputLimit" => "perQueue",
        _ => throw new InvalidOperationException($"No default known for {name}."),
    };

    private static List<string> Keys(IEnumerable<(string Name, string Type)> keys) => keys.Select(k => $"{k.Name}:{k.Type}").ToList();

    private static List<string> Keys(JsonElement keySchema) => Keys(keySchema.EnumerateArray()
        .Select(k => (k.GetProperty("AttributeName").GetString()!, k.GetProperty("KeyType").GetString()!)));
}
