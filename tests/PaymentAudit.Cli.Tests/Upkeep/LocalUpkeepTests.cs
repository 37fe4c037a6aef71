using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Client;
using PaymentAudit.Local.Digests;
using PaymentAudit.Local.History;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Local.Runs;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Upkeep;

/// <summary>
/// What <c>local up</c> does between writes: index new records and write the next signed digest,
/// against the emulators; a failing run is logged and counted, and the next one recovers.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class LocalUpkeepTests : IDisposable
{
    private readonly LocalPipelineFixture _emulators;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("paymentaudit-upkeep-");

    public LocalUpkeepTests(LocalPipelineFixture emulators) => _emulators = emulators;

    [Fact]
    public async Task EachRun_IndexesNewRecordsAndWritesADigestThatVerifiesAndLinks()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var sqs = _emulators.Sqs.CreateClient();
        using var dynamoDb = _emulators.DynamoDb.CreateClient();
        using var s3 = _emulators.Sqs.CreateS3Client();
        using var digests = new LocalDigests(dynamoDb, s3, resources, KeyPath, TimeProvider.System);
        var history = new LocalHistory(dynamoDb, s3, resources, TimeProvider.System);
        var log = new StringWriter();
        var upkeep = new LocalUpkeep(history, digests, log);
        await StoreAsync(sqs, dynamoDb, s3, resources, Some.AccessEvent(actorId: "user-1"), Some.AccessEvent(actorId: "user-2"));

        await upkeep.RunOnceAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // digests are keyed by the second they are made in
        await StoreAsync(sqs, dynamoDb, s3, resources, Some.AccessEvent(actorId: "user-1"));
        await upkeep.RunOnceAsync(CancellationToken.None);

        upkeep.DigestsWritten.ShouldBe(2);
        upkeep.Failures.ShouldBe(0);
        upkeep.Summary.ShouldStartWith("index=2 digests=2 upkeep_failures=0");
        var verification = await digests.VerifyAsync(CancellationToken.None);
        verification.Digests.ShouldBe(2);
        verification.Verified.ShouldBe(2);
        verification.Violations.ShouldBeEmpty();
        verification.LatestHeads.Values.Sum().ShouldBe(3, "the chains hold three records in all");
        (await history.CommitmentsAsync(CancellationToken.None)).Values.Sum(w => w.Seq).ShouldBe(3);
        log.ToString().ShouldContain("\"source\":\"local-upkeep\"");
        log.ToString().ShouldContain("digest written");
    }

    [Fact]
    public async Task ARunThatFails_IsLoggedAndCountedAndTheNextRunRecovers()
    {
        var resources = await _emulators.ProvisionAsync(maxReceiveCount: 5);
        using var dynamoDb = _emulators.DynamoDb.CreateClient();
        using var s3 = _emulators.Sqs.CreateS3Client();
        var missing = resources with { TableName = resources.TableName + "-missing" };
        using var brokenDigests = new LocalDigests(dynamoDb, s3, missing, KeyPath, TimeProvider.System);
        var log = new StringWriter();
        var broken = new LocalUpkeep(new LocalHistory(dynamoDb, s3, missing, TimeProvider.System), brokenDigests, log);

        await broken.RunOnceAsync(CancellationToken.None);

        broken.Failures.ShouldBe(1);
        broken.DigestsWritten.ShouldBe(0);
        log.ToString().ShouldContain("\"level\":\"Error\"");
        log.ToString().ShouldContain("upkeep failed, retried at the next tick: ResourceNotFoundException");
        using var digests = new LocalDigests(dynamoDb, s3, resources, KeyPath, TimeProvider.System);
        var healthy = new LocalUpkeep(new LocalHistory(dynamoDb, s3, resources, TimeProvider.System), digests, log);
        await healthy.RunOnceAsync(CancellationToken.None);
        healthy.DigestsWritten.ShouldBe(1);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string KeyPath => Path.Combine(_folder.FullName, "digest-signing-key.pem");

    private static async Task StoreAsync(
        Amazon.SQS.IAmazonSQS sqs, Amazon.DynamoDBv2.IAmazonDynamoDB dynamoDb, Amazon.S3.IAmazonS3 s3, LocalResources resources, params PaymentAudit.Core.Contract.AuditEvent[] events)
    {
        await using (var trail = AuditTrail.Create(sqs, new AuditTrailOptions { QueueUrl = resources.QueueUrl }))
        {
            foreach (var auditEvent in events)
            {
                await trail.RecordAsync(auditEvent);
            }
        }

        var eventSource = LocalPipelineFixture.WriterEventSource(sqs, dynamoDb, s3, resources);
        using var stop = new CancellationTokenSource();
        var polling = eventSource.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => eventSource.Snapshot().Completed >= events.Length, TimeSpan.FromSeconds(60), $"{events.Length} messages were written");
        await stop.CancelAsync();
        await polling;
    }
}
