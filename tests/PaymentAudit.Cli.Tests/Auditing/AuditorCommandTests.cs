using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using PaymentAudit.Auditing.Exports;
using PaymentAudit.Cli.Tests.Support;
using PaymentAudit.Client;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Storage.Digests;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Auditing;

/// <summary>The auditor's commands end to end on the emulators, with the real writer storing what reaches the queue.</summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class AuditorCommandTests(LocalPipelineFixture emulators)
{

    [Fact]
    public async Task Chains_ListsEveryChainWithItsHeadAndLeavesItsOwnAuditEventInTheTrail()
    {
        await using var trail = await TrailAsync();

        var (exit, output, _) = await RunAsync(trail, "chains", "--format", "json");

        exit.ShouldBe(ExitCodes.Success);
        using var chains = JsonDocument.Parse(output);
        chains.RootElement.EnumerateArray().Select(c => c.GetProperty("chain").GetString()).ShouldContain("audit-a");
        chains.RootElement.EnumerateArray().Single(c => c.GetProperty("chain").GetString() == "audit-a").GetProperty("head_seq").GetInt64().ShouldBe(3);
        await trail.EventuallyStoredAsync("audit.trail.queried");
    }

    [Fact]
    public async Task Verify_IntactTrail_ExitsZeroWithItsJsonDocumentAndSummaryLine()
    {
        await using var trail = await TrailAsync();

        var (exit, output, error) = await RunAsync(trail, "verify", "--json");

        exit.ShouldBe(ExitCodes.Success, output + error);
        using var report = JsonDocument.Parse(output);
        report.RootElement.GetProperty("chains").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        report.RootElement.GetProperty("violations").GetArrayLength().ShouldBe(0);
        error.ShouldContain("verify: chains=");
        await trail.EventuallyStoredAsync("audit.trail.verified");
    }

    [Fact]
    public async Task Verify_TamperedTrail_ExitsFourNamingChainSeqAndKind()
    {
        await using var trail = await TrailAsync();
        await trail.DynamoDb.DeleteItemAsync(trail.Resources.TableName, new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>
        {
            ["pk"] = new() { S = AuditKeys.Chain("audit-a") },
            ["sk"] = new() { S = AuditKeys.Record(2) },
        });

        var (exit, output, _) = await RunAsync(trail, "verify", "--chain", "audit-a");

        exit.ShouldBe(ExitCodes.ViolationsFound);
        output.ShouldContain("chain 'audit-a' seq 2: Gap: record 2 is missing");
        output.ShouldContain("verify: chains=1 records=2 violations=1");
    }

    [Fact]
    public async Task VerifyDigests_TailRewrittenConsistently_PassesWithoutDigestsButExitsFourNamingChainSeqAndDigest()
    {
        await using var trail = await TrailAsync();
        await trail.RecordAsync(Some.AccessEvent(minute: 1, queried: ["pay-7"]), Some.AccessEvent(minute: 2, queried: ["pay-8"]));
        await trail.EventuallyAtAsync("audit-a", 5);
        using var signer = new EcdsaDigestSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "test-key");
        var digest = await trail.DigestAsync(signer);
        await trail.RewriteTailConsistentlyAsync("audit-a", fromSeq: 4);
        using var key = new TempFile(signer.PublicKeyPem());

        var (plainExit, plainOutput, _) = await RunAsync(trail, "verify", "--chain", "audit-a");
        var (exit, output, error) = await RunAsync(trail, "verify", "--chain", "audit-a", "--digests", "--public-key", key.Path);

        plainExit.ShouldBe(ExitCodes.Success, plainOutput);
        exit.ShouldBe(ExitCodes.ViolationsFound, error);
        output.ShouldContain($"chain 'audit-a' seq 5: HeadMismatch: record 5 differs from the head digest {digest.Key} committed");
        output.ShouldContain("digests=1/1 undigested=0");
    }

    [Fact]
    public async Task VerifyExport_OfTheTrailsExport_IsHeldToTheDigestsAndAlteredRecordsAreFound()
    {
        await using var trail = await TrailAsync();
        using var signer = new EcdsaDigestSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "test-key");
        await trail.DigestAsync(signer);
        using var key = new TempFile(signer.PublicKeyPem());
        var folder = Directory.CreateTempSubdirectory("paymentaudit-export-");
        try
        {
            await new LocalTableExporter(trail.DynamoDb, TimeProvider.System).ExportAsync(trail.Resources.TableName, ExportLocation.FromDirectory(folder.FullName), "exports/full", CancellationToken.None);

            var (exit, output, error) = await RunAsync(trail, "verify", "--export", folder.FullName, "--digests", "--public-key", key.Path);
            await trail.RewriteTailConsistentlyAsync("audit-a", fromSeq: 2);
            await new LocalTableExporter(trail.DynamoDb, TimeProvider.System).ExportAsync(trail.Resources.TableName, ExportLocation.FromDirectory(folder.FullName), "exports/full-later", CancellationToken.None);
            var (laterExit, laterOutput, _) = await RunAsync(trail, "verify", "--export", Path.Combine(folder.FullName, "exports", "full-later"), "--digests", "--public-key", key.Path);

            exit.ShouldBe(ExitCodes.Success, output + error);
            output.ShouldContain("digests: read=1 verified=1");
            output.ShouldMatch(@"export: chains=\d+ records=\d+ verified=ok");
            laterExit.ShouldBe(ExitCodes.ViolationsFound, laterOutput);
            laterOutput.ShouldContain("chain 'audit-a' seq 3: HeadMismatch");
            laterOutput.ShouldContain("verified=failed");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LocalExport_WritesTheTableToLocalS3AndVerifyExportReadsItBackAgainstTheDigests()
    {
        await using var trail = await TrailAsync();
        using var signer = new EcdsaDigestSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "test-key");
        await trail.DigestAsync(signer);
        using var key = new TempFile(signer.PublicKeyPem());

        var (exportExit, exportOutput, exportError) = await RunAsync(trail, "local", "export");

        var location = exportOutput.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(word => word.StartsWith("s3://", StringComparison.Ordinal)).Distinct().Single();
        var (exit, output, error) = await RunAsync(trail, "verify", "--export", location, "--digests", "--public-key", key.Path);

        exportExit.ShouldBe(ExitCodes.Success, exportError);
        location.ShouldStartWith($"s3://{trail.Resources.ArchiveBucket}/exports/local/");
        exportOutput.ShouldContain($"check it: paymentaudit verify --local --export {location} --digests");
        exit.ShouldBe(ExitCodes.Success, output + error);
        output.ShouldMatch(@"export: chains=2 records=\d+ verified=ok");
    }

    [Fact]
    public async Task LocalExport_OfADeployedTarget_IsRefusedAsUsage()
    {
        var error = new StringWriter();

        var exit = await CliApplication.RunAsync(["local", "export", "--table", "PaymentAudit-prod-Table", "--dynamodb-url", "http://127.0.0.1:9"], new StringWriter(), error);

        exit.ShouldBe(ExitCodes.Usage, error.ToString());
        error.ToString().ShouldContain("local export reads the local pipeline's table only");
    }

    [Fact]
    public async Task VerifyDigests_WithoutAReadablePublicKey_IsAUsageErrorNamingTheFile()
    {
        await using var trail = await TrailAsync();

        var (exit, _, error) = await RunAsync(trail, "verify", "--digests", "--public-key", "/no/such/key.pem");

        exit.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("/no/such/key.pem");
    }

    [Fact]
    public async Task QueryRecord_AsCsv_ParsesWithOneRowPerAccess()
    {
        await using var trail = await TrailAsync();

        var (exit, output, _) = await RunAsync(trail, "query", "record", "pay-shared", "--format", "csv");

        exit.ShouldBe(ExitCodes.Success);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("timestamp,actor,event_type,result,status,reference,chain,seq,event_id");
        lines.Length.ShouldBe(1 + 5);
        lines.Skip(1).ShouldAllBe(l => l.Contains(",returned,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryActor_WithinAWindow_ReturnsTheActorsEvents()
    {
        await using var trail = await TrailAsync();

        var (exit, output, _) = await RunAsync(trail, "query", "actor", "user-ana", "--from", "2026-11-23", "--to", "now", "--format", "json");

        exit.ShouldBe(ExitCodes.Success);
        JsonDocument.Parse(output).RootElement.GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task QueryEvent_FindsWhereTheEventIsStored()
    {
        await using var trail = await TrailAsync();

        var (exit, output, _) = await RunAsync(trail, "query", "event", trail.FirstEventId, "--format", "json");

        exit.ShouldBe(ExitCodes.Success);
        var found = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        (found.GetProperty("chain").GetString(), found.GetProperty("seq").GetInt64()).ShouldBe(("audit-a", 1L));
    }

    [Fact]
    public async Task AnyCommand_WhenItsAuditEventCannotBeRecorded_ShowsNothingAndExitsFive()
    {
        await using var trail = await TrailAsync();
        var missingQueue = trail.Resources.QueueUrl.Replace(".fifo", "-gone.fifo", StringComparison.Ordinal);

        var (exit, output, error) = await RunAsync(trail, ["query", "record", "pay-shared", "--queue-url", missingQueue], overrideQueue: false);

        exit.ShouldBe(ExitCodes.ReadNotAudited);
        output.ShouldBeEmpty();
        error.ShouldContain("could not be recorded");
    }

    [Fact]
    public async Task Dlq_ListShowsTheVerdictNotTheBody_AndRedriveMovesItBack()
    {
        await using var trail = await TrailAsync();
        using var sqs = emulators.Sqs.CreateClient();
        await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = trail.Resources.DeadLetterQueueUrl,
            MessageBody = "{\"secret\":\"do not print me\"}",
            MessageGroupId = "4111111111111111",
            MessageDeduplicationId = "dead-1",
        });

        var (listExit, listed, _) = await RunAsync(trail, "dlq", "list", "--format", "json");
        var (redriveExit, moved, _) = await RunAsync(trail, "dlq", "redrive", "--yes");

        listExit.ShouldBe(ExitCodes.Success);
        listed.ShouldNotContain("do not print me");
        listed.ShouldNotContain("4111111111111111");
        var letter = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single();
        letter.GetProperty("verdict").GetString().ShouldBe("unknown_field");
        letter.GetProperty("chain").GetString()!.ShouldStartWith("~");
        redriveExit.ShouldBe(ExitCodes.Success);
        moved.ShouldContain("redrive: moved=1");
        (await QueueDepth.ReadAsync(sqs, trail.Resources.DeadLetterQueueUrl)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task DlqRedrive_WithoutATerminalAndWithoutYes_IsRefused()
    {
        await using var trail = await TrailAsync();

        var (exit, _, error) = await RunAsync(trail, "dlq", "redrive");

        exit.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("--yes");
    }

    [Fact]
    public async Task NoTarget_IsAUsageError()
    {
        var error = new StringWriter();

        var exit = await CliApplication.RunAsync(["chains"], new StringWriter(), error);

        exit.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("--local");
    }

    [Fact]
    public async Task UnreachableTable_ExitsThree()
    {
        await using var trail = await TrailAsync();

        var (exit, _, _) = await RunAsync(trail, "chains", "--table", "no-such-table");

        exit.ShouldBe(ExitCodes.StoreUnreachable);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(Trail trail, params string[] args) => RunAsync(trail, args, overrideQueue: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(Trail trail, string[] args, bool overrideQueue)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] target =
        [
            "--local",
            "--dynamodb-port", emulators.DynamoDb.ServiceUrl.Port.ToString(CultureInfo.InvariantCulture),
            "--sqs-port", emulators.Sqs.ServiceUrl.Port.ToString(CultureInfo.InvariantCulture),
            "--dlq-url", trail.Resources.DeadLetterQueueUrl,
            "--bucket", trail.Resources.ArchiveBucket,
            .. overrideQueue ? new[] { "--queue-url", trail.Resources.QueueUrl } : [],
            .. args.Contains("--table") ? [] : new[] { "--table", trail.Resources.TableName },
        ];
        var exit = await CliApplication.RunAsync([.. args, .. target], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<Trail> TrailAsync()
    {
        var resources = await emulators.ProvisionAsync(maxReceiveCount: 5);
        var trail = new Trail(emulators, resources);
        await trail.StartAsync();
        return trail;
    }

    /// <summary>Events of minutes 0-2 go to audit-a, the others to audit-b.</summary>
    private sealed class ByMinute : IMessageGroupStrategy
    {
        public string GetMessageGroupId(Core.Contract.AuditEvent auditEvent) =>
            string.CompareOrdinal(auditEvent.OccurredAt, "2026-11-23T09:03") < 0 ? "audit-a" : "audit-b";
    }

    /// <summary>A provisioned trail with the writer draining its queue, holding a few events in chains audit-a and audit-b, indexed once.</summary>
    private sealed class Trail(LocalPipelineFixture emulators, LocalResources resources) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task? _polling;

        public LocalResources Resources { get; } = resources;

        public Amazon.DynamoDBv2.AmazonDynamoDBClient DynamoDb { get; } = emulators.DynamoDb.CreateClient();

        public Amazon.SQS.AmazonSQSClient Sqs { get; } = emulators.Sqs.CreateClient();

        public Amazon.S3.AmazonS3Client S3 { get; } = emulators.Sqs.CreateS3Client();

        public string FirstEventId { get; private set; } = string.Empty;

        public async Task StartAsync()
        {
            var eventSource = LocalPipelineFixture.WriterEventSource(Sqs, DynamoDb, S3, Resources);
            _polling = eventSource.RunAsync(_stop.Token);
            await using (var audit = AuditTrail.Create(Sqs, new AuditTrailOptions { QueueUrl = Resources.QueueUrl, GroupStrategy = new ByMinute() }))
            {
                for (var i = 0; i < 5; i++)
                {
                    var id = await audit.RecordAsync(Some.AccessEvent(minute: i, queried: [$"pay-{i}"], returned: ["pay-shared"]));
                    FirstEventId = i == 0 ? id : FirstEventId;
                }
            }

            var reader = new AuditTrailReader(DynamoDb, Resources.TableName);
            await Eventually.HoldsAsync(async () => (await reader.ReadHeadAsync("audit-a")).Seq == 3 && (await reader.ReadHeadAsync("audit-b")).Seq == 2, TimeSpan.FromSeconds(60), "the five events were stored");
            await new HistoryIndexer(reader, new S3HistoryStore(S3, Resources.ArchiveBucket), new AuditEventValidator(), TimeProvider.System).RunAsync(CancellationToken.None);
        }

        public async Task RecordAsync(params Core.Contract.AuditEvent[] events)
        {
            await using var audit = AuditTrail.Create(Sqs, new AuditTrailOptions { QueueUrl = Resources.QueueUrl, GroupStrategy = new ByMinute() });
            foreach (var auditEvent in events)
            {
                await audit.RecordAsync(auditEvent);
            }
        }

        public Task EventuallyAtAsync(string chainId, long seq) =>
            Eventually.HoldsAsync(async () => (await new AuditTrailReader(DynamoDb, Resources.TableName).ReadHeadAsync(chainId)).Seq >= seq, TimeSpan.FromSeconds(60), $"{chainId} reached seq {seq}");

        /// <summary>One signed digest of every chain's head, stored where <c>verify --digests --local</c> reads them.</summary>
        public async Task<DigestRun> DigestAsync(EcdsaDigestSigner signer)
        {
            var options = new DigesterOptions { Environment = Core.Topology.LocalResourceNames.DigestEnvironment, TableArn = Resources.TableName, Period = TimeSpan.FromMinutes(30) };
            var store = new S3DigestStore(S3, Resources.ArchiveBucket, options.Environment);
            return await new Digester(new AuditTrailReader(DynamoDb, Resources.TableName), store, signer, TimeProvider.System, options).RunAsync(CancellationToken.None);
        }

        /// <summary>Rewrites a chain from <paramref name="fromSeq"/> on as someone who can write the table would: outcomes changed, every hash recomputed and relinked.</summary>
        public async Task RewriteTailConsistentlyAsync(string chainId, long fromSeq)
        {
            var reader = new AuditTrailReader(DynamoDb, Resources.TableName);
            var previous = (await reader.ReadRecordAsync(chainId, fromSeq - 1, CancellationToken.None))!.Record.Hash;
            await foreach (var stored in reader.ReadChainAsync(chainId, fromSeq))
            {
                var item = (await DynamoDb.GetItemAsync(new GetItemRequest
                {
                    TableName = Resources.TableName,
                    Key = new() { ["pk"] = new() { S = AuditKeys.Chain(chainId) }, ["sk"] = new() { S = AuditKeys.Record(stored.KeySeq) } },
                    ConsistentRead = true,
                })).Item;
                var body = item["body"].S.Replace("\"result\":\"success\"", "\"result\":\"denied\"", StringComparison.Ordinal);
                item["body"] = new AttributeValue { S = body };
                item["query_result"] = new AttributeValue { S = "denied" };
                item["prevHash"] = new AttributeValue { S = previous };
                previous = RecordHasher.Compute(body, previous);
                item["hash"] = new AttributeValue { S = previous };
                await DynamoDb.PutItemAsync(Resources.TableName, item);
            }
        }

        public async Task EventuallyStoredAsync(string eventType)
        {
            var reader = new AuditTrailReader(DynamoDb, Resources.TableName);
            await Eventually.HoldsAsync(
                async () =>
                {
                    foreach (var chainId in await reader.ListChainIdsAsync())
                    {
                        await foreach (var record in reader.ReadChainAsync(chainId))
                        {
                            if (record.Record.EventType == eventType)
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                },
                TimeSpan.FromSeconds(60),
                $"an {eventType} event was stored");
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            if (_polling is not null)
            {
                await _polling;
            }

            _stop.Dispose();
            DynamoDb.Dispose();
            Sqs.Dispose();
            S3.Dispose();
        }
    }

    /// <summary>A file holding some text, deleted on dispose.</summary>
    private sealed class TempFile : IDisposable
    {
        public TempFile(string content)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
