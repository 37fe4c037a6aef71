using Amazon.DynamoDBv2.Model;
using PaymentAudit.Auditing.Tests.Support;
using PaymentAudit.Auditing.Verification;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Auditing.Tests.Verification;

/// <summary>Every kind of damage to the stored trail is found and named by chain, seq and kind; an intact trail verifies.</summary>
[Collection(UsesEmulators.Name)]
public sealed class TrailVerifierTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    [Fact]
    public async Task Verify_IntactTrail_FindsNothing()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);

        var report = await trail.VerifyAsync();

        report.Violations.ShouldBeEmpty();
        (report.Chains, report.Records, report.Complete).ShouldBe((2, 12L, true));
        report.SummaryLine.ShouldStartWith("verify: chains=2 records=12 violations=0 records_per_s=");
    }

    [Fact]
    public async Task Verify_EditedBody_IsAHashMismatchThere()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var item = await trail.GetAsync("chain-a", 2);
        item["body"] = new AttributeValue { S = item["body"].S.Replace("\"success\"", "\"denied\"", StringComparison.Ordinal) };
        await trail.PutAsync(item);

        (await trail.VerifyAsync()).Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 2 && v.Kind == ViolationKind.HashMismatch);
    }

    [Fact]
    public async Task Verify_EditedProjection_IsAnAttributeMismatchThere()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var item = await trail.GetAsync("chain-b", 3);
        item["query_result"] = new AttributeValue { S = "denied" };
        await trail.PutAsync(item);

        var report = await trail.VerifyAsync();

        report.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation("chain-b", 3, ViolationKind.AttributeMismatch, "attribute 'query_result' does not match the record body"));
    }

    [Fact]
    public async Task Verify_DeletedMiddleRecord_IsAGapThere()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await trail.DeleteAsync("chain-a", 3);

        (await trail.VerifyAsync()).Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 3 && v.Kind == ViolationKind.Gap);
    }

    [Fact]
    public async Task Verify_DeletedLastRecord_IsAHeadMismatchAgainstTheIndexCommitment()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await trail.DeleteAsync("chain-b", 6);

        (await trail.VerifyAsync()).Violations.ShouldContain(v => v.ChainId == "chain-b" && v.Seq == 6 && v.Kind == ViolationKind.HeadMismatch);
    }

    [Fact]
    public async Task Verify_InsertedRecord_IsFoundWhereItWasInserted()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var copy = await trail.GetAsync("chain-a", 6);
        copy["sk"] = new AttributeValue { S = AuditKeys.Record(7) };
        await trail.PutAsync(copy);

        var report = await trail.VerifyAsync();

        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 7 && v.Kind == ViolationKind.BrokenLink);
        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 7 && v.Kind == ViolationKind.BodyMismatch);
    }

    [Fact]
    public async Task Verify_TwoRecordsSwapped_IsFoundAtBoth()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var second = await trail.GetAsync("chain-b", 2);
        var third = await trail.GetAsync("chain-b", 3);
        (second["sk"], third["sk"]) = (third["sk"], second["sk"]);
        await trail.PutAsync(second);
        await trail.PutAsync(third);

        var report = await trail.VerifyAsync();

        report.Violations.Where(v => v.Kind == ViolationKind.BodyMismatch && v.ChainId == "chain-b").Select(v => v.Seq).ShouldBe([2L, 3L]);
    }

    [Fact]
    public async Task Verify_ItemCarryingAnEventIdOutsideTheChains_IsAnOrphanedEventIndexEntry()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await trail.PutAsync(new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "CHAIN#chain-z" },
            ["sk"] = new() { S = "NOTE" },
            ["eventId"] = new() { S = "evt-planted" },
        });

        (await trail.VerifyAsync()).Violations.ShouldContain(v => v.Kind == ViolationKind.OrphanedEventIndexEntry);
    }

    [Fact]
    public async Task Verify_RecordWhoseEventIdPointsAtAnotherRecordsEvent_IsFoundAtIt()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var other = await trail.GetAsync("chain-a", 2);
        var item = await trail.GetAsync("chain-a", 3);
        item["eventId"] = other["eventId"];
        await trail.PutAsync(item);

        var report = await trail.VerifyAsync();

        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 3 && v.Kind == ViolationKind.AttributeMismatch);
        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 3 && v.Kind == ViolationKind.OrphanedEventIndexEntry);
        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 3 && v.Kind == ViolationKind.MissingEventIndexEntry);
    }

    [Fact]
    public async Task Verify_HistoryRowsRemovedAndAdded_AreMissingAndOrphanedRows()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var manifest = (await trail.History.ReadManifestAsync(CancellationToken.None))!;
        var segment = manifest.Segments.First(s => s.Kind == HistoryKind.Record && s.Rows > 1);
        var rows = HistorySegmentFile.Read(await trail.History.ReadSegmentAsync(segment.ObjectKey, CancellationToken.None)).ToList();
        var removed = rows[0];
        var forged = rows[1] with { ActorId = "user-mallory" };
        var bytes = HistorySegmentFile.Write([.. rows.Skip(1), forged]);
        await trail.History.WriteSegmentAsync(segment.ObjectKey, bytes, CancellationToken.None);
        await trail.History.WriteManifestAsync(
            manifest with { Segments = [.. manifest.Segments.Select(s => s == segment ? s with { Sha256 = HistorySegmentFile.Sha256(bytes), Rows = rows.Count } : s)] },
            CancellationToken.None);

        var report = await trail.VerifyAsync();

        report.Violations.ShouldContain(v => v.ChainId == removed.ChainId && v.Seq == removed.Seq && v.Kind == ViolationKind.MissingHistoryRow);
        report.Violations.ShouldContain(v => v.ChainId == forged.ChainId && v.Seq == forged.Seq && v.Kind == ViolationKind.OrphanedHistoryRow);
    }

    [Fact]
    public async Task Verify_SegmentChangedWithoutItsManifest_IsFound()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var manifest = (await trail.History.ReadManifestAsync(CancellationToken.None))!;
        await trail.History.WriteSegmentAsync(manifest.Segments[0].ObjectKey, HistorySegmentFile.Write([]), CancellationToken.None);

        (await trail.VerifyAsync()).Violations.ShouldContain(v => v.Kind == ViolationKind.OrphanedHistoryRow && v.Detail.Contains("SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ArchivedPayloadDeleted_IsFoundAtItsRecord()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var listing = await trail.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = trail.Bucket, Prefix = S3PayloadArchive.Prefix });
        await trail.S3.DeleteObjectAsync(trail.Bucket, listing.S3Objects.Single().Key);

        (await trail.VerifyAsync()).Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 4 && v.Kind == ViolationKind.MissingArchivedPayload);
    }

    [Fact]
    public async Task Verify_DirectoryEntryDeleted_IsFoundForThatChain()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await trail.DynamoDb.DeleteItemAsync(trail.Table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = AuditKeys.DirectoryPartition },
            ["sk"] = new() { S = "chain-b" },
        });

        var report = await trail.VerifyAsync();

        report.Violations.ShouldContain(v => v.ChainId == "chain-b" && v.Kind == ViolationKind.MissingDirectoryEntry);
        report.Chains.ShouldBe(2);
    }

    [Fact]
    public async Task Verify_OneChainFromASequenceNumber_ChecksTheLinkIntoIt()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var item = await trail.GetAsync("chain-a", 4);
        item["prevHash"] = new AttributeValue { S = new string('f', 64) };
        await trail.PutAsync(item);

        var report = await trail.VerifyAsync(new VerifyRequest(["chain-a"], FromSeq: 4));

        report.Records.ShouldBe(3);
        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 4 && v.Kind == ViolationKind.BrokenLink);
    }

    [Fact]
    public async Task Verify_WhileEventsAreAppended_DoesNotTakeTheirIndexEntriesForOrphans()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var appended = false;
        var verifier = new TrailVerifier(trail.Reader, trail.History, trail.Archive, new AuditEventValidator());

        var report = await verifier.VerifyAsync(
            new VerifyRequest([]),
            progress =>
            {
                if (progress.ChainsDone == progress.Chains && progress.Chains > 0 && !appended)
                {
                    appended = true;
                    trail.AppendAsync("chain-a", "m-late-1", Some.Json(Some.AccessEvent(minute: 30))).GetAwaiter().GetResult();
                    trail.AppendAsync("chain-new", "m-late-2", Some.Json(Some.AccessEvent(minute: 31))).GetAwaiter().GetResult();
                }
            },
            CancellationToken.None);

        appended.ShouldBeTrue();
        report.Violations.ShouldBeEmpty();
        (report.Chains, report.Records).ShouldBe((2, 12L));
    }
}
