using PaymentAudit.Local;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;

namespace PaymentAudit.Http.Tests.Integration;

/// <summary>
/// One DynamoDB Local and one fauxqs for the run (as the Cli tests share theirs); each test
/// provisions its own table, queues and bucket the way <c>local up</c> does.
/// </summary>
public sealed class LocalPipeline : IAsyncLifetime
{
    private static int _provisioned;

    public DynamoDbLocalFixture DynamoDb { get; } = new();

    public FauxqsFixture Sqs { get; } = new();

    public Task InitializeAsync() => Task.WhenAll(DynamoDb.InitializeAsync(), Sqs.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(DynamoDb.DisposeAsync(), Sqs.DisposeAsync());

    public async Task<LocalResources> ProvisionAsync(TimeSpan visibilityTimeout)
    {
        var prefix = $"h{Interlocked.Increment(ref _provisioned)}-{Guid.NewGuid():N}"[..20];
        using var dynamoDb = DynamoDb.CreateClient();
        using var sqs = Sqs.CreateClient();
        using var s3 = Sqs.CreateS3Client();
        return await LocalProvisioner.ProvisionAsync(
            dynamoDb, sqs, s3, prefix + "-audit", prefix + "-audit.fifo", prefix + "-audit-dlq.fifo", prefix + "-archive", maxReceiveCount: 5, visibilityTimeout);
    }
}

[CollectionDefinition(Name)]
public sealed class LocalPipelineCollection : ICollectionFixture<LocalPipeline>
{
    public const string Name = "local pipeline";
}
