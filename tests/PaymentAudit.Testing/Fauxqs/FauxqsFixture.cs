using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using PaymentAudit.Local.Emulators;
using Xunit;

namespace PaymentAudit.Testing.Fauxqs;

/// <summary>
/// One fauxqs per test run (share it through a collection fixture), on a free loopback port,
/// killed with its process tree at the end. It serves SQS and S3. Each test creates its own queues
/// and buckets, so tests never see each other's messages or objects.
/// </summary>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;

    /// <summary>The emulator's endpoint.</summary>
    public Uri ServiceUrl => _emulator?.ServiceUrl ?? throw new InvalidOperationException("fauxqs is not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _emulator = await FauxqsEmulator.StartAsync(LoopbackPort.FindFree());

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _emulator?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A real SDK client for the emulator. With <paramref name="faults"/>, its calls pass through
    /// the fault injector and the SDK does not retry, so the code under test meets every fault.
    /// </summary>
    public AmazonSQSClient CreateClient(SqsFaultInjectingHandler? faults = null) => SqsClients.Create(ServiceUrl, faults);

    /// <summary>Creates a FIFO queue with a unique name (see <see cref="FifoQueues"/>) and returns its URL.</summary>
    public async Task<string> CreateFifoQueueAsync(string prefix = "audit")
    {
        using var client = CreateClient();
        return await FifoQueues.CreateAsync(client, FifoQueues.UniqueName(prefix));
    }

    /// <summary>A real S3 client for the emulator (path-style addressing, as fauxqs needs).</summary>
    public AmazonS3Client CreateS3Client() =>
        new(new BasicAWSCredentials("local", "local"), new AmazonS3Config { ServiceURL = ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", ForcePathStyle = true });

    /// <summary>Creates a bucket with a unique name and returns the name.</summary>
    public async Task<string> CreateBucketAsync(string prefix = "archive")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        using var client = CreateS3Client();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }
}
