using Amazon.SQS.Model;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Client;
using PaymentAudit.Core.History;
using PaymentAudit.Local;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Demos;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Lifetime;

/// <summary>
/// <c>local up</c> as an application team uses it for days: killed outright, then started again on
/// the same data folder. These tests start their own emulators (through the real CLI, which they
/// kill), so they cannot share the run's fixture.
/// </summary>
[Collection(LocalRunCollection.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Events = 400;
    private readonly string _dataDirectory = TestFolders.Create();
    private readonly int _dynamoDbPort = LoopbackPort.FindFree();
    private readonly int _sqsPort = LoopbackPort.FindFree();

    [Fact]
    public async Task KillMinus9OfTheWholeTreeMidStream_ThenARestart_StoresEveryAcknowledgedEventOnceAndEveryChainVerifies()
    {
        var ledger = new SendLedger();
        long queuedAtTheKill;
        string writerLog;
        string firstOutput;
        await using (var first = await StartUpAsync())
        {
            using var sqs = LocalClients.Sqs(SqsUrl);
            var queueUrl = (await sqs.GetQueueUrlAsync(Settings.QueueName)).QueueUrl;
            await SendAsync(sqs, queueUrl, ledger);
            writerLog = WriterLogOf(first);
            await Eventually.HoldsAsync(() => LinesIn(writerLog) >= 6, TimeSpan.FromSeconds(180), "the writer stored a few batches");

            queuedAtTheKill = (await QueueDepth.ReadAsync(sqs, queueUrl)).Total;
            first.KillTree();
            firstOutput = first.Output;
        }

        queuedAtTheKill.ShouldBeGreaterThan(0, "the kill must come while messages are still queued");
        await using var second = await StartUpAsync();
        using var restartedSqs = LocalClients.Sqs(SqsUrl);
        using var dynamoDb = LocalClients.DynamoDb(new Uri($"http://127.0.0.1:{_dynamoDbPort}"));
        var resources = new LocalResources(
            Settings.TableName,
            (await restartedSqs.GetQueueUrlAsync(Settings.QueueName)).QueueUrl,
            (await restartedSqs.GetQueueUrlAsync(Settings.DeadLetterQueueName)).QueueUrl,
            Settings.ArchiveBucketName);
        try
        {
            await Eventually.HoldsAsync(
                async () => (await QueueDepth.ReadAsync(restartedSqs, resources.QueueUrl)).Total == 0, TimeSpan.FromSeconds(300), "the restarted run drained the queue");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Diagnostics(firstOutput, second, writerLog)}", ex);
        }

        var check = await new TrailCheck(new AuditTrailReader(dynamoDb, resources.TableName), new Dictionary<string, ChainWatermark>(StringComparer.Ordinal), restartedSqs, resources.DeadLetterQueueUrl)
            .RunAsync(ledger, CancellationToken.None);

        ledger.Sent.ShouldBe(Events);
        check.Lost.ShouldBe(0, Diagnostics(firstOutput, second, writerLog));
        check.DeadLettered.ShouldBe(0, Diagnostics(firstOutput, second, writerLog));
        check.Doubled.ShouldBe(0);
        check.Stored.ShouldBe(Events);
        check.Violations.ShouldBeEmpty();
        check.ChainsVerified.ShouldBe(check.Chains);
        second.Output.ShouldContain("local: persistent");
        LinesIn(writerLog).ShouldBeGreaterThan(6, "the restarted run appends to the same writer log");
    }

    [Fact]
    public async Task KillingOnlyTheUpProcess_StopsBothEmulators_AndARestartOnTheSamePortsRuns()
    {
        List<ProcessIdentity> emulators;
        await using (var first = await StartUpAsync())
        {
            emulators = RecordedEmulatorProcesses();
            emulators.Count.ShouldBe(3, "fauxqs, and DynamoDB Local's launcher and Java");

            first.KillOnlyItself();
            await Eventually.HoldsAsync(
                () => emulators.All(p => !p.IsRunning()) && !LoopbackPort.IsTaken(_dynamoDbPort) && !LoopbackPort.IsTaken(_sqsPort),
                TimeSpan.FromSeconds(60),
                "both emulators stopped after their parent was killed");
        }

        await using var second = await StartUpAsync();

        second.Output.ShouldContain("local: running");
    }

    public void Dispose() => TestFolders.TryDelete(_dataDirectory);

    private Uri SqsUrl => new($"http://127.0.0.1:{_sqsPort}");

    // The names and relation `local up` uses; only the names matter here.
    private LocalSettings Settings => TestSettings.On(_dynamoDbPort, _sqsPort, _dataDirectory);

    private static string Diagnostics(string firstOutput, UpProcess second, string writerLog)
    {
        using var file = new FileStream(writerLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var problems = reader.ReadToEnd().Split('\n')
            .Where(l => l.Contains("\"level\":\"error\"", StringComparison.Ordinal) || l.Contains("\"level\":\"warn\"", StringComparison.Ordinal))
            .TakeLast(20);
        return $"first run:\n{firstOutput}\nrestarted run:\n{second.Output}\nwriter log, failures:\n{string.Join('\n', problems)}";
    }

    private static string WriterLogOf(UpProcess up) =>
        up.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("writer log", StringComparison.Ordinal))["writer log".Length..].Trim();

    private static int LinesIn(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }

    private static async Task SendAsync(Amazon.SQS.AmazonSQSClient sqs, string queueUrl, SendLedger ledger)
    {
        await using var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = queueUrl, GroupStrategy = MessageGroupStrategy.HashOfActor(16) });
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Events),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, token) => ledger.EventSent(await trail.RecordAsync(Some.AccessEvent(actorId: $"user-{i % 40:D2}", minute: i), token)));
    }

    // The timeouts a user gets (30 s, visibility 180 s): a shorter invocation timeout can run out on
    // a saturated machine with the table on disk, which is a real failure and not what this tests.
    // Messages in flight at the kill do not wait for the visibility timeout: the restart re-queues them.
    private Task<UpProcess> StartUpAsync() => UpProcess.StartAsync(_dataDirectory, _dynamoDbPort, _sqsPort);

    private List<ProcessIdentity> RecordedEmulatorProcesses()
    {
        var identities = new List<ProcessIdentity>();
        foreach (var file in Directory.GetFiles(Path.Combine(_dataDirectory, "run"), "*.json"))
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            identities.AddRange(document.RootElement.GetProperty("processes").EnumerateArray()
                .Select(p => ProcessIdentity.Of(p.GetProperty("pid").GetInt32()))
                .OfType<ProcessIdentity>());
        }

        return identities;
    }
}
