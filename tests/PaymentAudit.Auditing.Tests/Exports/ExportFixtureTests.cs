using PaymentAudit.Auditing.Exports;
using PaymentAudit.Auditing.Tests.Support;

namespace PaymentAudit.Auditing.Tests.Exports;

/// <summary>The reader and verifier held to AWS's documented export format, through exports written by hand (Fixtures/Exports).</summary>
public sealed class ExportFixtureTests
{
    private static readonly ExportLocation Fixture = ExportLocation.FromDirectory(ExportFixture.Root);

    [Fact]
    public async Task Find_Fixture_FindsTheFullAndTheIncrementalExportInTimeOrder()
    {
        var exports = await DynamoDbExportReader.FindAsync(Fixture, CancellationToken.None);

        exports.Select(e => (e.ExportId, e.Kind)).ShouldBe([(ExportFixture.FullExportId, ExportKind.Full), (ExportFixture.IncrementalExportId, ExportKind.Incremental)]);
        exports[0].ExportTime.ShouldBe(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        (exports[1].FromTime, exports[1].ToTime).ShouldBe((new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
        exports[1].ViewType.ShouldBe("NEW_IMAGE");
        exports.Select(e => e.ItemCount).ShouldBe([7L, 5L]);
        exports[0].ToString().ShouldBe($"full export {ExportFixture.FullExportId} at 2026-11-23T00:00:00.000Z");
    }

    [Fact]
    public async Task ReadRows_FullExport_ReadsEveryItemOfEveryDataFileIncludingAnEmptyPartition()
    {
        var full = (await DynamoDbExportReader.FindAsync(Fixture, CancellationToken.None))[0];

        var files = await DynamoDbExportReader.ReadDataFilesAsync(full, CancellationToken.None);
        var rows = await ReadAsync(full);

        files.Select(f => f.ItemCount).ShouldBe([4L, 3L, 0L]);
        rows.Count.ShouldBe(7);
        var items = rows.Cast<ExportItem>().ToList();
        items.Select(r => r.Item["pk"].S + "/" + r.Item["sk"].S).ShouldContain("CHAIN#legacy-1/SEQ#000000000002");
        items.Single(r => r.Item["sk"].S == "SEQ#000000000002" && r.Item["pk"].S == "CHAIN#legacy-1").Item["seq"].N.ShouldBe("2");
        items[0].Position.ShouldEndWith("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz line 1");
    }

    [Fact]
    public async Task ReadRows_IncrementalExport_ReadsChangesFromTheSharedDataFolder()
    {
        var incremental = (await DynamoDbExportReader.FindAsync(Fixture, CancellationToken.None))[1];

        var changes = (await ReadAsync(incremental)).Cast<ExportChange>().ToList();

        changes.Count.ShouldBe(5);
        changes.ShouldAllBe(c => !c.IsDelete && c.OldImage == null);
        changes[0].Keys["sk"].S.ShouldBe("SEQ#000000000004");
        changes[0].WrittenAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 8, 12, 0, 250, TimeSpan.Zero));
        changes[0].File.ShouldContain("/AWSDynamoDB/data/");
    }

    [Fact]
    public async Task ReadRows_ZeroByteDataFile_IsAnEmptyPartition()
    {
        using var scratch = ScratchDirectory.WithFixture();
        await File.WriteAllBytesAsync(Path.Combine(scratch.Path, ExportFixture.EmptyDataFile), []);
        ExportFiles.Replace(scratch.Path, ExportFixture.FullFilesManifest, "Sk3TWYcHYDs/dqI3ikUEqg==", "1B2M2Y8AsgTpgAmY7PhCfg==");
        var full = (await DynamoDbExportReader.FindAsync(ExportLocation.FromDirectory(scratch.Path), CancellationToken.None))[0];

        (await ReadAsync(full)).Count.ShouldBe(7);
    }

    [Fact]
    public async Task Verify_Fixture_IsIntact()
    {
        var report = await new ExportVerifier(new PaymentAudit.Core.Validation.AuditEventValidator()).VerifyAsync(Fixture, null, CancellationToken.None);

        report.Violations.ShouldBeEmpty();
        report.Exports.Select(e => e.Kind).ShouldBe([ExportKind.Full, ExportKind.Incremental]);
        (report.Chains, report.Records).ShouldBe((3, 9L));
        report.SummaryLine.ShouldBe("export: chains=3 records=9 verified=ok");
    }

    [Fact]
    public async Task Verify_IncrementalAlone_StartsTheChainItContinuesMidWayWithANotice()
    {
        var report = await TrailExports.VerifyAsync(ExportLocation.FromDirectory(Path.Combine(ExportFixture.Root, "exports", "incremental")));

        report.Violations.ShouldBeEmpty();
        (report.Chains, report.Records).ShouldBe((2, 4L));
        report.Notices.ShouldContain(n => n.Contains("chain 'fixture-a' begins at seq 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_FullExportAlone_IsIntact()
    {
        var report = await TrailExports.VerifyAsync(ExportLocation.FromDirectory(Path.Combine(ExportFixture.Root, "exports", "full")));

        report.SummaryLine.ShouldBe("export: chains=2 records=5 verified=ok");
    }

    [Fact]
    public async Task Verify_EmptyDirectory_FailsForWantOfAnExport()
    {
        using var scratch = new ScratchDirectory();

        var report = await TrailExports.VerifyAsync(ExportLocation.FromDirectory(scratch.Path));

        report.Violations.ShouldHaveSingleItem().Kind.ShouldBe(PaymentAudit.Core.Chain.ViolationKind.ExportInvalid);
        report.SummaryLine.ShouldBe("export: chains=0 records=0 verified=failed");
    }

    private static async Task<List<ExportRow>> ReadAsync(TableExport export)
    {
        var rows = new List<ExportRow>();
        await foreach (var row in DynamoDbExportReader.ReadRowsAsync(export, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
