using Amazon.DynamoDBv2.Model;
using PaymentAudit.Auditing.Exports;
using PaymentAudit.Auditing.Tests.Support;
using PaymentAudit.Core.Chain;
using PaymentAudit.Storage;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Auditing.Tests.Exports;

/// <summary>
/// A trail written on DynamoDB Local, exported by the local stand-in to a directory or to S3
/// (fauxqs), verified; then the exports are tampered with the way an attacker with write access to
/// them, or to the table, would.
/// </summary>
[Collection(UsesEmulators.Name)]
public sealed class ExportVerifierTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs) : IDisposable
{
    private static readonly DateTimeOffset NextDay = TrailExports.ExportTime.AddDays(1);
    private readonly ScratchDirectory _scratch = new();

    private ExportLocation Directory => ExportLocation.FromDirectory(_scratch.Path);

    [Fact]
    public async Task Export_ToADirectory_VerifiesIntact()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);

        var export = await TrailExports.ExportAsync(trail, Directory);
        var report = await TrailExports.VerifyAsync(Directory);

        (export.Items, export.DataFiles).ShouldBe((14L, 3));
        File.Exists(Path.Combine(_scratch.Path, export.SummaryPath)).ShouldBeTrue();
        File.Exists(Path.Combine(_scratch.Path, Path.GetDirectoryName(export.SummaryPath)!, "_started")).ShouldBeTrue();
        report.Violations.ShouldBeEmpty();
        report.SummaryLine.ShouldBe("export: chains=2 records=12 verified=ok");
        report.Exports.ShouldHaveSingleItem().ExportTime.ShouldBe(TrailExports.ExportTime);
    }

    [Fact]
    public async Task Export_ToS3_VerifiesIntactFromTheBucketsExportsPrefix()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);

        await TrailExports.ExportAsync(trail, ExportLocation.FromS3(trail.S3, trail.Bucket));
        var report = await TrailExports.VerifyAsync(ExportLocation.Parse($"s3://{trail.Bucket}/exports", trail.S3));

        report.Violations.ShouldBeEmpty();
        report.SummaryLine.ShouldBe("export: chains=2 records=12 verified=ok");
    }

    [Fact]
    public async Task HandWrittenFixture_CopiedToS3_VerifiesIntact()
    {
        using var s3 = fauxqs.CreateS3Client();
        var bucket = await fauxqs.CreateBucketAsync();
        var fixture = ExportLocation.FromDirectory(ExportFixture.Root);
        var target = ExportLocation.FromS3(s3, bucket);
        await foreach (var path in fixture.ListAsync(string.Empty, CancellationToken.None))
        {
            await target.WriteAsync(path, await File.ReadAllBytesAsync(fixture.Describe(path)), CancellationToken.None);
        }

        var report = await TrailExports.VerifyAsync(ExportLocation.FromS3(s3, bucket, "exports"));

        report.SummaryLine.ShouldBe("export: chains=3 records=9 verified=ok");
    }

    [Fact]
    public async Task RecordAlteredInsideTheExport_WithItsChecksumFixed_IsAHashMismatchAtItsChainAndSeq()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        await ExportFiles.EditItemsAsync(
            await TrailExports.SingleAsync(Directory),
            item => TrailExports.Is(item, "chain-a", 2) ? TrailExports.ChangeActor(item, "user-ana", "user-eve") : item);

        var report = await TrailExports.VerifyAsync(Directory);

        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 2 && v.Kind == ViolationKind.HashMismatch);
        report.Violations.ShouldAllBe(v => v.ChainId == "chain-a" && v.Seq == 2);
        report.SummaryLine.ShouldBe("export: chains=2 records=12 verified=failed");
    }

    [Fact]
    public async Task RecordDeletedByAnIncrementalExport_IsARecordDeletedViolation()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        var incremental = await TrailExports.WriteIncrementalAsync(Directory, TrailExports.ExportTime, NextDay, [TrailExports.Delete("chain-b", 3, TrailExports.ExportTime.AddHours(5))]);

        var report = await TrailExports.VerifyAsync(Directory);

        var deleted = report.Violations.Where(v => v.Kind == ViolationKind.RecordDeleted).ShouldHaveSingleItem();
        (deleted.ChainId, deleted.Seq).ShouldBe(("chain-b", 3L));
        deleted.Detail.ShouldContain($"is deleted by incremental export {incremental}");
        report.Violations.ShouldContain(v => v.ChainId == "chain-b" && v.Seq == 3 && v.Kind == ViolationKind.Gap);
    }

    [Fact]
    public async Task RecordChangedByAnIncrementalExport_IsARecordChangedViolation()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        var altered = TrailExports.ChangeActor(await trail.GetAsync("chain-a", 5), "user-ana", "user-eve");
        await TrailExports.WriteIncrementalAsync(Directory, TrailExports.ExportTime, NextDay, [TrailExports.Put(altered, TrailExports.ExportTime.AddHours(2))]);

        var report = await TrailExports.VerifyAsync(Directory);

        var changed = report.Violations.Where(v => v.Kind == ViolationKind.RecordChanged).ShouldHaveSingleItem();
        (changed.ChainId, changed.Seq).ShouldBe(("chain-a", 5L));
        changed.Detail.ShouldContain("attributes body, user_id differ");
        report.Violations.ShouldContain(v => v.ChainId == "chain-a" && v.Seq == 5 && v.Kind == ViolationKind.HashMismatch);
    }

    [Fact]
    public async Task IncrementalExport_AppendingRecords_VerifiesIntactOnTopOfTheFullExport()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        var head = await trail.Reader.ReadHeadAsync("chain-b");
        var next = ChainLinker.Link("chain-b", head, ChainEntry.Accepted("m-next", Some.AccessEvent(minute: 30)), "2026-11-23T07:00:00.0000000Z");
        await TrailExports.WriteIncrementalAsync(Directory, TrailExports.ExportTime, NextDay, [TrailExports.Put(AuditItemMapper.ToRecordItem(next.Record), TrailExports.ExportTime.AddHours(7))]);

        var report = await TrailExports.VerifyAsync(Directory);

        report.Violations.ShouldBeEmpty();
        report.Exports.Select(e => e.Kind).ShouldBe([ExportKind.Full, ExportKind.Incremental]);
        report.SummaryLine.ShouldBe("export: chains=2 records=13 verified=ok");
    }

    [Fact]
    public async Task IncrementalExport_StartingAfterTheFullExport_IsAnExportGap()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        var late = await TrailExports.WriteIncrementalAsync(Directory, TrailExports.ExportTime.AddHours(1), NextDay, []);

        var report = await TrailExports.VerifyAsync(Directory);

        var gap = report.Violations.ShouldHaveSingleItem();
        (gap.ChainId, gap.Kind).ShouldBe(($"(export {late})", ViolationKind.ExportGap));
        gap.Detail.ShouldContain("starts at 2026-11-23T01:00:00.000Z but the exports before it end at 2026-11-23T00:00:00.000Z");
    }

    [Fact]
    public async Task ChainMissingFromTheDirectoryInAFullExport_IsAMissingDirectoryEntry()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        await ExportFiles.EditItemsAsync(await TrailExports.SingleAsync(Directory), item => item["pk"].S == AuditKeys.DirectoryPartition && item["sk"].S == "chain-b" ? null : item);

        var report = await TrailExports.VerifyAsync(Directory);

        report.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            "chain-b", 1, ViolationKind.MissingDirectoryEntry, "the exports hold records of this chain but the chain directory in them does not list it"));
    }

    [Fact]
    public async Task TailRewrittenConsistently_PassesWithoutDigestsButIsAHeadMismatchAgainstADigest()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var digests = await TrailExports.DigestAsync(trail);
        await TrailExports.ExportAsync(trail, Directory);
        var five = TrailExports.ChangeActor(await trail.GetAsync("chain-a", 5), "user-ana", "user-eve");
        five = TrailExports.Relink(five, five["prevHash"].S);
        var six = TrailExports.Relink(TrailExports.ChangeActor(await trail.GetAsync("chain-a", 6), "user-ana", "user-eve"), five["hash"].S);
        await ExportFiles.EditItemsAsync(
            await TrailExports.SingleAsync(Directory),
            item => TrailExports.Is(item, "chain-a", 5) ? five : TrailExports.Is(item, "chain-a", 6) ? six : item);

        var withoutDigests = await TrailExports.VerifyAsync(Directory);
        var withDigests = await TrailExports.VerifyAsync(Directory, digests);

        withoutDigests.Violations.ShouldBeEmpty();
        var mismatch = withDigests.Violations.ShouldHaveSingleItem();
        (mismatch.ChainId, mismatch.Seq, mismatch.Kind).ShouldBe(("chain-a", 6L, ViolationKind.HeadMismatch));
        mismatch.Detail.ShouldContain("digest digests/test/");
    }

    [Fact]
    public async Task DigestNewerThanTheExport_IsNotAMismatch()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var digests = await TrailExports.DigestAsync(trail);
        await TrailExports.ExportAsync(trail, Directory);
        await ExportFiles.EditItemsAsync(await TrailExports.SingleAsync(Directory), item => TrailExports.Is(item, "chain-a", 6) ? null : item);

        var report = await TrailExports.VerifyAsync(Directory, digests);

        report.Violations.ShouldBeEmpty();
        report.Records.ShouldBe(11);
        report.Notices.ShouldContain(n => n.StartsWith("1 digest commitments lie past the last record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TailCutFromTheExport_IsAHeadMismatchAgainstADigestMadeBeforeIt()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        var digests = await TrailExports.DigestAsync(trail, TrailExports.ExportTime.AddMinutes(-30));
        await TrailExports.ExportAsync(trail, Directory);
        await ExportFiles.EditItemsAsync(await TrailExports.SingleAsync(Directory), item => TrailExports.Is(item, "chain-a", 6) ? null : item);

        var report = await TrailExports.VerifyAsync(Directory, digests);

        var cut = report.Violations.ShouldHaveSingleItem();
        (cut.ChainId, cut.Seq, cut.Kind).ShouldBe(("chain-a", 6L, ViolationKind.HeadMismatch));
        cut.Detail.ShouldContain("records removed at the end");
    }

    [Fact]
    public async Task LaterFullExport_MissingARecordTheFirstHeld_IsARecordDeletedViolation()
    {
        using var trail = await StoredTrail.CreateAsync(dynamoDb, fauxqs);
        await TrailExports.ExportAsync(trail, Directory);
        await TrailExports.WriteIncrementalAsync(Directory, TrailExports.ExportTime, NextDay, []);
        await trail.DeleteAsync("chain-a", 3);
        var later = await new LocalTableExporter(trail.DynamoDb, new FixedTime(NextDay)).ExportAsync(trail.Table, Directory, "exports/full/2026-11-24", CancellationToken.None);

        var report = await TrailExports.VerifyAsync(Directory);

        var deleted = report.Violations.Where(v => v.Kind == ViolationKind.RecordDeleted).ShouldHaveSingleItem();
        (deleted.ChainId, deleted.Seq).ShouldBe(("chain-a", 3L));
        deleted.Detail.ShouldContain($"but not in the later full export {later.ExportId}");
    }

    /// <inheritdoc />
    public void Dispose() => _scratch.Dispose();
}
