using PaymentAudit.Auditing.Exports;
using PaymentAudit.Auditing.Tests.Support;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Auditing.Tests.Exports;

/// <summary>Damaged exports: each is a clear error naming the file (and line), and verification reports it instead of failing.</summary>
public sealed class MalformedExportTests : IDisposable
{
    private readonly ScratchDirectory _scratch = ScratchDirectory.WithFixture();

    private ExportLocation Location => ExportLocation.FromDirectory(_scratch.Path);

    [Fact]
    public async Task DataFileChanged_WithoutItsManifest_IsAnMd5ErrorNamingTheFile()
    {
        var full = await FullAsync();
        var path = Path.Combine(_scratch.Path, ExportFixture.FirstDataFile);
        var lines = ExportFiles.ReadLines(path);
        await File.WriteAllBytesAsync(path, ExportWriter.Compress(lines.Select(l => System.Text.Encoding.UTF8.GetBytes(l.Replace("user-ana", "user-eve", StringComparison.Ordinal))), out _));

        var error = await Should.ThrowAsync<ExportFormatException>(() => ReadAllAsync(full));

        error.File.ShouldEndWith("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz");
        error.Message.ShouldContain("MD5");
    }

    [Fact]
    public async Task BadMd5InTheManifest_IsReportedAsAnInvalidExport()
    {
        ExportFiles.Replace(_scratch.Path, ExportFixture.FullFilesManifest, "YFlZGUy+9dcDWGNB/kOwlQ==", "AAAAAAAAAAAAAAAAAAAAAA==");

        var report = await TrailExports.VerifyAsync(Location);

        var violation = report.Violations.ShouldHaveSingleItem(string.Join('\n', report.Violations));
        (violation.ChainId, violation.Kind).ShouldBe(($"(export {ExportFixture.FullExportId})", ViolationKind.ExportInvalid));
        violation.Detail.ShouldContain("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz: MD5 is YFlZGUy+9dcDWGNB/kOwlQ== but manifest-files.json gives AAAAAAAAAAAAAAAAAAAAAA==");
        report.SummaryLine.ShouldEndWith("verified=failed");
        report.Notices.ShouldContain(n => n.Contains("cannot be read and is not applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ItemCountOfADataFileWrong_IsAnErrorNamingTheFile()
    {
        ExportFiles.Replace(_scratch.Path, ExportFixture.FullFilesManifest, "{\"itemCount\":4,", "{\"itemCount\":5,");
        ExportFiles.Replace(_scratch.Path, ExportFixture.FullSummary, "\"itemCount\": 7,", "\"itemCount\": 8,");

        var error = await Should.ThrowAsync<ExportFormatException>(async () => await ReadAllAsync(await FullAsync()));

        error.File.ShouldEndWith("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz");
        error.Problem.ShouldBe("holds 4 items but manifest-files.json gives itemCount 5");
    }

    [Fact]
    public async Task SummaryItemCountWrong_IsAnErrorNamingTheSummary()
    {
        ExportFiles.Replace(_scratch.Path, ExportFixture.FullSummary, "\"itemCount\": 7,", "\"itemCount\": 6,");

        var error = await Should.ThrowAsync<ExportFormatException>(async () => await ReadAllAsync(await FullAsync()));

        error.File.ShouldEndWith("manifest-summary.json");
        error.Problem.ShouldBe("itemCount is 6 but the data files in manifest-files.json hold 7");
    }

    [Fact]
    public async Task MalformedJsonLine_IsAnErrorNamingFileAndLine()
    {
        var full = await FullAsync();
        await ExportFiles.RewriteLinesAsync(full, (file, lines) => file.ItemCount == 4 ? [lines[0], lines[1], lines[2][..40], lines[3]] : lines);

        var error = await Should.ThrowAsync<ExportFormatException>(() => ReadAllAsync(full));

        error.File.ShouldEndWith("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz line 3: is not JSON");
    }

    [Fact]
    public async Task UnknownAttributeType_IsAnErrorNamingLineAndAttribute()
    {
        var full = await FullAsync();
        await ExportFiles.RewriteLinesAsync(full, (file, lines) => [.. lines.Select(l => l.Replace("\"user_id\":{\"S\":", "\"user_id\":{\"STRING\":", StringComparison.Ordinal))]);

        var error = await Should.ThrowAsync<ExportFormatException>(() => ReadAllAsync(full));

        (error.Line, error.Problem).ShouldBe((2, "Item.user_id has unknown type 'STRING'"));
    }

    [Fact]
    public async Task RowOfTheWrongKind_IsAnError()
    {
        var full = await FullAsync();
        await ExportFiles.RewriteLinesAsync(full, (file, lines) => [.. lines.Select(l => l.Replace("{\"Item\":", "{\"NewImage\":", StringComparison.Ordinal))]);

        var error = await Should.ThrowAsync<ExportFormatException>(() => ReadAllAsync(full));

        (error.Line, error.Problem).ShouldBe((1, "a full export's row must be {\"Item\":{...}}"));
    }

    [Fact]
    public async Task DataFileMissing_IsAnErrorNamingIt()
    {
        File.Delete(Path.Combine(_scratch.Path, ExportFixture.FirstDataFile));

        var error = await Should.ThrowAsync<ExportFormatException>(async () => await ReadAllAsync(await FullAsync()));

        error.Message.ShouldEndWith("r6a4xkq2mfnbt7ezcuwl5ohdyi.json.gz: is listed in manifest-files.json but missing");
    }

    [Fact]
    public async Task SummaryNotJson_IsReportedWithoutStoppingTheOtherExport()
    {
        ExportFiles.Replace(_scratch.Path, ExportFixture.FullSummary, "\"version\"", "version");

        var report = await TrailExports.VerifyAsync(Location);

        report.Violations.ShouldContain(v => v.ChainId == $"(export {ExportFixture.FullExportId})" && v.Kind == ViolationKind.ExportInvalid && v.Detail.Contains("manifest-summary.json: is not JSON", StringComparison.Ordinal));
        report.Exports.ShouldHaveSingleItem().Kind.ShouldBe(ExportKind.Incremental);
    }

    /// <inheritdoc />
    public void Dispose() => _scratch.Dispose();

    private async Task<TableExport> FullAsync() => (await DynamoDbExportReader.FindAsync(Location, CancellationToken.None))[0];

    private static async Task ReadAllAsync(TableExport export)
    {
        await foreach (var unused in DynamoDbExportReader.ReadRowsAsync(export, CancellationToken.None))
        {
        }
    }
}
