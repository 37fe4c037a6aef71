using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using PaymentAudit.Local;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using Xunit;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>
/// One DynamoDB Local and one fauxqs for the whole test run, started together on free loopback
/// ports. Each test provisions its own table and queues under a unique prefix.
/// </summary>
public sealed class LocalPipelineFixture : IAsyncLifetime
{
    private static int _provisioned;

    /// <summary>DynamoDB Local.</summary>
    public DynamoDbLocalFixture DynamoDb { get; } = new();

    /// <summary>fauxqs.</summary>
    public FauxqsFixture Sqs { get; } = new();

    /// <inheritdoc />
    public Task InitializeAsync() => Task.WhenAll(DynamoDb.InitializeAsync(), Sqs.InitializeAsync());

    /// <inheritdoc />
    public Task DisposeAsync() => Task.WhenAll(DynamoDb.DisposeAsync(), Sqs.DisposeAsync());

    /// <summary>Invocation timeout of the tests' event sources: far above any test batch, even on a saturated machine.</summary>
    public static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Visibility timeout of the tests' queues and event sources: six times <see cref="InvocationTimeout"/>, as deployed.</summary>
    public static readonly TimeSpan VisibilityTimeout = InvocationTimeout * EventSourceOptions.VisibilityTimeoutFactor;

    /// <summary>Provisions a fresh table, queue, dead-letter queue and archive bucket as <c>local up</c> does.</summary>
    public async Task<LocalResources> ProvisionAsync(int maxReceiveCount, TimeSpan? visibilityTimeout = null)
    {
        var prefix = $"t{Interlocked.Increment(ref _provisioned)}-{Guid.NewGuid():N}"[..20];
        using var dynamoDb = DynamoDb.CreateClient();
        using var sqs = Sqs.CreateClient();
        using var s3 = Sqs.CreateS3Client();
        return await LocalProvisioner.ProvisionAsync(
            dynamoDb, sqs, s3, prefix + "-audit", prefix + "-audit.fifo", prefix + "-audit-dlq.fifo", prefix + "-archive", maxReceiveCount, visibilityTimeout ?? VisibilityTimeout);
    }

    /// <summary>Event source options for the queue of <paramref name="resources"/>: the test timeouts, a 1 s retry delay, three receive loops.</summary>
    public static EventSourceOptions EventSourceFor(LocalResources resources) => new()
    {
        QueueUrl = resources.QueueUrl,
        InvocationTimeout = InvocationTimeout,
        VisibilityTimeout = VisibilityTimeout,
        RetryDelay = TimeSpan.FromSeconds(1),
        Receivers = 3,
    };

    /// <summary>An event source running the real writer over <paramref name="writerDynamoDb"/>.</summary>
    public static LocalEventSource WriterEventSource(IAmazonSQS sqs, IAmazonDynamoDB writerDynamoDb, IAmazonS3 s3, LocalResources resources) =>
        LocalWriter.CreateEventSource(sqs, writerDynamoDb, s3, resources, EventSourceFor(resources), TextWriter.Null, parallelGroups: 1);
}
