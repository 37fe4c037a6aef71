using Amazon.DynamoDBv2;
using Amazon.Runtime;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Http;
using Xunit;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>
/// One DynamoDB Local per test assembly, on a free loopback port, killed with its process tree
/// at the end. Each test asks for its own table, so tests never see each other's data.
/// </summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;
    private int _tables;

    /// <summary>The emulator's endpoint.</summary>
    public Uri ServiceUrl => _emulator?.ServiceUrl ?? throw new InvalidOperationException("DynamoDB Local is not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _emulator = await DynamoDbLocalEmulator.StartAsync(LoopbackPort.FindFree());

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _emulator?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client for the emulator; with <paramref name="faults"/>, its calls pass through the fault injector and the SDK does not retry.</summary>
    public AmazonDynamoDBClient CreateClient(FaultInjectingHandler? faults = null)
    {
        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        };
        if (faults is not null)
        {
            config.HttpClientFactory = new HandlerHttpClientFactory(faults);
            config.MaxErrorRetry = 0;
        }

        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }

    /// <summary>A fault injector that forwards to the emulator over a plain socket handler.</summary>
    public static FaultInjectingHandler CreateFaultInjector(int seed = 17) => new(new SocketsHttpHandler(), seed);

    /// <summary>Creates a fresh audit table from the shared topology and returns its name.</summary>
    public async Task<string> CreateTableAsync(string prefix = "audit")
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _tables)}-{Guid.NewGuid():N}";
        using var client = CreateClient();
        await AuditTableProvisioner.EnsureTableAsync(client, name);
        return name;
    }
}
