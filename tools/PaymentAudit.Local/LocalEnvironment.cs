using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Provisioning;

namespace PaymentAudit.Local;

/// <summary>
/// The whole local stack: DynamoDB Local and fauxqs started on their loopback ports, SDK clients
/// for them, and the audit table, queue, dead-letter queue and archive bucket provisioned from the
/// shared topology. Unless <see cref="LocalSettings.InMemory"/>, both emulators keep their data in the
/// data folder, so a restart (even after kill -9) finds the table and the queued messages again.
/// Each emulator's processes are recorded in a pid file; starting first stops what a killed run
/// left on the same ports. Disposing stops both emulators with their process trees.
/// </summary>
public sealed class LocalEnvironment : IAsyncDisposable
{
    private readonly DataFolderLock? _dataLock;
    private readonly EmulatorPidFile _dynamoDbPidFile;
    private readonly EmulatorPidFile _sqsPidFile;

    private LocalEnvironment(
        LocalSettings settings,
        DataFolderLock? dataLock,
        EmulatorPidFile dynamoDbPidFile,
        EmulatorPidFile sqsPidFile,
        EmulatorProcess dynamoDbEmulator,
        EmulatorProcess sqsEmulator,
        IReadOnlyList<string> leftovers)
    {
        Settings = settings;
        _dataLock = dataLock;
        _dynamoDbPidFile = dynamoDbPidFile;
        _sqsPidFile = sqsPidFile;
        DynamoDbEmulator = dynamoDbEmulator;
        SqsEmulator = sqsEmulator;
        StoppedLeftovers = leftovers;
        DynamoDb = LocalClients.DynamoDb(dynamoDbEmulator.ServiceUrl);
        Sqs = LocalClients.Sqs(sqsEmulator.ServiceUrl);
        S3 = LocalClients.S3(sqsEmulator.ServiceUrl);
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

    /// <summary>Emulator processes a killed earlier run had left on these ports and that starting stopped (for the report).</summary>
    public IReadOnlyList<string> StoppedLeftovers { get; }

    /// <summary>
    /// Validates <paramref name="settings"/>, stops what a killed run left on the ports, starts both
    /// emulators (persisting unless in memory) and provisions the resources.
    /// </summary>
    /// <exception cref="LocalConfigurationException">A setting is wrong.</exception>
    /// <exception cref="EmulatorStartException">
    /// A port is taken by another program or run, the data folder is in use, Java or Node is
    /// missing, or an emulator did not start; nothing is left running.
    /// </exception>
    public static async Task<LocalEnvironment> StartAsync(LocalSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Directory.CreateDirectory(settings.DataDirectory);
        var dataLock = settings.InMemory ? null : DataFolderLock.Acquire(settings.DataDirectory);
        try
        {
            var dynamoDbPidFile = new EmulatorPidFile(settings.RunDirectory, DynamoDbLocalEmulator.Name, settings.DynamoDbPort);
            var sqsPidFile = new EmulatorPidFile(settings.RunDirectory, FauxqsEmulator.Name, settings.SqsPort);
            var leftovers = new List<string>();
            leftovers.AddRange(dynamoDbPidFile.StopLeftovers().Select(p => $"{DynamoDbLocalEmulator.Name} on port {settings.DynamoDbPort} ({p})"));
            leftovers.AddRange(sqsPidFile.StopLeftovers().Select(p => $"{FauxqsEmulator.Name} on port {settings.SqsPort} ({p})"));
            await WaitUntilFreeAsync(settings.DynamoDbPort, leftovers.Count > 0, cancellationToken);
            await WaitUntilFreeAsync(settings.SqsPort, leftovers.Count > 0, cancellationToken);

            // Both ports are checked before either emulator starts, so a taken port leaves nothing behind.
            LoopbackPort.EnsureFree(settings.DynamoDbPort, DynamoDbLocalEmulator.Name);
            LoopbackPort.EnsureFree(settings.SqsPort, FauxqsEmulator.Name);
            var dynamoStart = DynamoDbLocalEmulator.StartAsync(
                settings.DynamoDbPort, settings.InMemory ? null : settings.DynamoDbDataDirectory, cancellationToken);
            var sqsStart = FauxqsEmulator.StartAsync(settings.SqsPort, settings.InMemory ? null : settings.SqsDataDirectory, cancellationToken);
            try
            {
                await Task.WhenAll(dynamoStart, sqsStart);
                dynamoDbPidFile.Record(dynamoStart.Result);
                sqsPidFile.Record(sqsStart.Result);
            }
            catch
            {
                await DisposeStartedAsync(dynamoStart, dynamoDbPidFile);
                await DisposeStartedAsync(sqsStart, sqsPidFile);
                throw;
            }

            var environment = new LocalEnvironment(settings, dataLock, dynamoDbPidFile, sqsPidFile, dynamoStart.Result, sqsStart.Result, leftovers);
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
        catch
        {
            dataLock?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes visible again (within a second) the audit-queue messages a stopped run had received
    /// but not settled: their receives died with it, and without this they would stay hidden for
    /// the whole visibility timeout. Only for a persisted queue, before the event source starts
    /// (nothing else may be handling them then). Returns how many there were.
    /// </summary>
    /// <remarks>
    /// Their visibility is set to 1 s, not 0: fauxqs 2.4.1 fails a change to 0 on a persisted queue,
    /// dropping the message from its memory and leaving its group locked until a restart.
    /// </remarks>
    public async Task<int> ReleaseLeftInFlightAsync(CancellationToken cancellationToken = default)
    {
        using var inspector = new FauxqsQueueInspector(SqsEmulator.ServiceUrl);
        var released = 0;
        foreach (var message in (await inspector.ReadAsync(Resources.QueueUrl, cancellationToken)).Where(m => m.IsInFlight))
        {
            try
            {
                await Sqs.ChangeMessageVisibilityAsync(
                    new ChangeMessageVisibilityRequest { QueueUrl = Resources.QueueUrl, ReceiptHandle = message.ReceiptHandle, VisibilityTimeout = 1 },
                    cancellationToken);
                released++;
            }
            catch (AmazonSQSException)
            {
                // Its visibility timeout ended meanwhile: it is visible already.
            }
        }

        return released;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        Sqs.Dispose();
        S3.Dispose();
        await DynamoDbEmulator.DisposeAsync();
        await SqsEmulator.DisposeAsync();
        _dynamoDbPidFile.Remove();
        _sqsPidFile.Remove();
        _dataLock?.Dispose();
    }

    private static async Task DisposeStartedAsync(Task<EmulatorProcess> start, EmulatorPidFile pidFile)
    {
        if (start.IsCompletedSuccessfully)
        {
            await start.Result.DisposeAsync();
            pidFile.Remove();
        }
    }

    /// <summary>After stopping leftovers, waits a little for the system to free their ports.</summary>
    private static async Task WaitUntilFreeAsync(int port, bool stoppedSomething, CancellationToken cancellationToken)
    {
        if (!stoppedSomething)
        {
            return;
        }

        for (var attempt = 0; attempt < 50 && LoopbackPort.IsTaken(port); attempt++)
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
