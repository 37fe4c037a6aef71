using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Auditing.Exports;

namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>Changes exports in a directory behind DynamoDB's back, keeping their manifests consistent unless told otherwise.</summary>
public static class ExportFiles
{
    /// <summary>
    /// Rewrites every data file of <paramref name="export"/> through <paramref name="edit"/> (its
    /// uncompressed lines in, the new lines out), recompressed, with the MD5 and item counts of
    /// both manifests fixed to match: only what the lines say has changed.
    /// </summary>
    public static async Task RewriteLinesAsync(TableExport export, Func<ExportDataFile, IReadOnlyList<string>, IReadOnlyList<string>> edit)
    {
        var files = await DynamoDbExportReader.ReadDataFilesAsync(export, CancellationToken.None);
        var manifest = new StringBuilder();
        foreach (var file in files)
        {
            var path = export.Location.Describe(file.Path);
            var lines = edit(file, ReadLines(path));
            var bytes = ExportWriter.Compress(lines.Select(Encoding.UTF8.GetBytes), out var count);
            await File.WriteAllBytesAsync(path, bytes);
            var md5 = ExportWriter.Md5(bytes);
            manifest.Append(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["itemCount"] = count,
                ["md5Checksum"] = Convert.ToBase64String(md5),
                ["etag"] = Convert.ToHexStringLower(md5),
                ["dataFileS3Key"] = file.DataFileKey,
            })).Append('\n');
        }

        await File.WriteAllTextAsync(export.Location.Describe(DynamoDbExportReader.Resolve(export, export.ManifestFilesKey, out _)), manifest.ToString());
        var summaryPath = export.Location.Describe(export.ManifestPath);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(summaryPath))!;
        summary["itemCount"] = files.Sum(f => ReadLines(export.Location.Describe(f.Path)).Count);
        await File.WriteAllTextAsync(summaryPath, summary.ToJsonString());
    }

    /// <summary>Rewrites a full export's items through <paramref name="edit"/> (null drops the item), manifests fixed to match.</summary>
    public static Task EditItemsAsync(TableExport export, Func<Dictionary<string, AttributeValue>, Dictionary<string, AttributeValue>?> edit) =>
        RewriteLinesAsync(export, (_, lines) =>
        [
            .. lines
                .Select(line =>
                {
                    using var document = JsonDocument.Parse(line);
                    return edit(DynamoDbJsonConverter.ReadItem(document.RootElement.GetProperty("Item"), "Item"));
                })
                .OfType<Dictionary<string, AttributeValue>>()
                .Select(item => Encoding.UTF8.GetString(ExportWriter.ItemLine(item))),
        ]);

    /// <summary>Replaces <paramref name="oldText"/> in a file below <paramref name="root"/> (a manifest, by hand).</summary>
    public static void Replace(string root, string path, string oldText, string newText)
    {
        var full = Path.Combine(root, path);
        var text = File.ReadAllText(full);
        text.ShouldContain(oldText);
        File.WriteAllText(full, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>The uncompressed lines of a gzip data file.</summary>
    public static List<string> ReadLines(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
