using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Provisioning;

namespace PaymentAudit.Local;

/// <summary>
/// The whole local stack: DynamoDB Local and fauxqs started on their loopback ports, SDK clients
/// for them, and the audit table, queue, dead-letter queue and archive bucket provisioned from the
/// shared topology. Disposing stops both emulators with their process trees.
/// </summary>
public sealed class LocalEnvironment : IAsyncDisposable
{
    private LocalEnvironment(
        LocalSettings settings, EmulatorProcess dynamoDbEmulator, EmulatorProcess sqsEmulator, AmazonDynamoDBClient dynamoDb, AmazonSQSClient sqs, AmazonS3Client s3)
    {
        Settings = settings;
        DynamoDbEmulator = dynamoDbEmulator;
        SqsEmulator = sqsEmulator;
        DynamoDb = dynamoDb;
        Sqs = sqs;
        S3 = s3;
    }

    /// <summary>The settings it was started with.</summary>
    public LocalSettings Settings { get; }

    /// <summary>The DynamoDB Local process.</summary>
    public EmulatorProcess DynamoDbEmulator { get; }

    /// <summary>The fauxqs process.</summary>
    public EmulatorProcess SqsEmulator { get; }

    /// <summary>A DynamoDB client for the emulator.</summary>
    public AmazonDynamoDBClient DynamoDb { get; }

    /// <summary>An SQS client for the emulator.</summary>
    public AmazonSQSClient Sqs { get; }

    /// <summary>An S3 client for the emulator (fauxqs serves S3 on the same port as SQS).</summary>
    public AmazonS3Client S3 { get; }

    /// <summary>The provisioned table and queues.</summary>
    public LocalResources Resources { get; private set; } = null!;

    /// <summary>Validates <paramref name="settings"/>, starts both emulators and provisions the resources.</summary>
    /// <exception cref="LocalConfigurationException">A setting is wrong.</exception>
    /// <exception cref="EmulatorStartException">A port is taken, Java or Node is missing, or an emulator did not start; nothing is left running.</exception>
    public static async Task<LocalEnvironment> StartAsync(LocalSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        // Both ports are checked before either emulator starts, so a taken port leaves nothing behind.
        LoopbackPort.EnsureFree(settings.DynamoDbPort, DynamoDbLocalEmulator.Name);
        LoopbackPort.EnsureFree(settings.SqsPort, FauxqsEmulator.Name);
        var dynamoStart = DynamoDbLocalEmulator.StartAsync(settings.DynamoDbPort, cancellationToken);
        var sqsStart = FauxqsEmulator.StartAsync(settings.SqsPort, cancellationToken);
        try
        {
            await Task.WhenAll(dynamoStart, sqsStart);
        }
        catch
        {
            await DisposeStartedAsync(dynamoStart);
            await DisposeStartedAsync(sqsStart);
            throw;
        }

        var environment = new LocalEnvironment(
            settings,
            dynamoStart.Result,
            sqsStart.Result,
            LocalClients.DynamoDb(dynamoStart.Result.ServiceUrl),
            LocalClients.Sqs(sqsStart.Result.ServiceUrl),
            LocalClients.S3(sqsStart.Result.ServiceUrl));
        try
        {
            environment.Resources = await LocalProvisioner.ProvisionAsync(
                environment.DynamoDb,
                environment.Sqs,
                environment.S3,
                settings.TableName,
                settings.QueueName,
                settings.DeadLetterQueueName,
                settings.ArchiveBucketName,
                settings.MaxReceiveCount,
                settings.VisibilityTimeout,
                cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        Sqs.Dispose();
        S3.Dispose();
        await DynamoDbEmulator.DisposeAsync();
        await SqsEmulator.DisposeAsync();
    }

    private static async Task DisposeStartedAsync(Task<EmulatorProcess> start)
    {
        if (start.IsCompletedSuccessfully)
        {
            await start.Result.DisposeAsync();
        }
    }
}
