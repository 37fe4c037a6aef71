using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// Reads DynamoDB table exports in the <c>DYNAMODB_JSON</c> format, as the DynamoDB developer
/// guide's "DynamoDB table export output format" describes it: <c>manifest-summary.json</c>,
/// <c>manifest-files.json</c> (JSON lines, one per data file) and gzip-compressed JSON-lines data
/// files. Reading is strict: every file must be there, every line must parse, every data file must
/// match the MD5 and item count its manifest gives, and the counts must add up to the summary's;
/// anything else is an <see cref="ExportFormatException"/> naming the file and line.
/// </summary>
public static class DynamoDbExportReader
{
    /// <summary>The summary manifest's file name.</summary>
    public const string SummaryFileName = "manifest-summary.json";

    /// <summary>The folder every export is written under, below the export prefix.</summary>
    public const string ExportsFolder = "AWSDynamoDB";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> ChangeMembers = new(StringComparer.Ordinal) { "Metadata", "Keys", "NewImage", "OldImage" };

    /// <summary>Every export below <paramref name="location"/>, read from its summary manifest, in time order.</summary>
    /// <exception cref="ExportFormatException">A summary manifest cannot be read.</exception>
    public static async Task<IReadOnlyList<TableExport>> FindAsync(ExportLocation location, CancellationToken cancellationToken)
    {
        var exports = new List<TableExport>();
        foreach (var path in await FindManifestsAsync(location, cancellationToken))
        {
            exports.Add(await ReadSummaryAsync(location, path, cancellationToken));
        }

        return InTimeOrder(exports);
    }

    /// <summary>The paths of every <c>AWSDynamoDB/&lt;export id&gt;/manifest-summary.json</c> below <paramref name="location"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindManifestsAsync(ExportLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var found = new List<string>();
        await foreach (var path in location.ListAsync(string.Empty, cancellationToken))
        {
            var parts = path.Split('/');
            if (parts.Length >= 3 && parts[^1] == SummaryFileName && parts[^3] == ExportsFolder && parts[^2] != "data")
            {
                found.Add(path);
            }
        }

        return found;
    }

    /// <summary>Orders exports by the time they start to cover; a full export before an incremental one starting at its export time.</summary>
    public static IReadOnlyList<TableExport> InTimeOrder(IEnumerable<TableExport> exports) =>
        [.. exports.OrderBy(e => e.CoversFrom).ThenBy(e => e.Kind).ThenBy(e => e.CoversTo).ThenBy(e => e.ExportId, StringComparer.Ordinal)];

    /// <summary>Reads the summary manifest at <paramref name="manifestPath"/>.</summary>
    /// <exception cref="ExportFormatException">It is missing, not JSON, or lacks what an export of its kind must give.</exception>
    public static async Task<TableExport> ReadSummaryAsync(ExportLocation location, string manifestPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(manifestPath);
        var file = location.Describe(manifestPath);
        var parts = manifestPath.Split('/');
        if (parts.Length < 3 || parts[^1] != SummaryFileName || parts[^3] != ExportsFolder)
        {
            throw new ExportFormatException(file, 0, $"is not at <prefix>/{ExportsFolder}/<export id>/{SummaryFileName}");
        }

        using var document = ParseJson(await ReadAllAsync(location, manifestPath, cancellationToken), file, 0);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ExportFormatException(file, 0, "is not a JSON object");
        }

        var kind = OptionalText(root, "exportType", file) switch
        {
            null or "FULL_EXPORT" => ExportKind.Full,
            "INCREMENTAL_EXPORT" => ExportKind.Incremental,
            var other => throw new ExportFormatException(file, 0, $"exportType '{other}' is neither FULL_EXPORT nor INCREMENTAL_EXPORT"),
        };
        var format = OptionalText(root, "outputFormat", file) ?? throw new ExportFormatException(file, 0, "has no outputFormat");
        if (format != "DYNAMODB_JSON")
        {
            throw new ExportFormatException(file, 0, $"outputFormat is {format}; only DYNAMODB_JSON exports are read");
        }

        var viewType = OptionalText(root, "exportViewType", file) ?? OptionalText(root, "outputView", file);
        if (viewType is not (null or "NEW_IMAGE" or "NEW_AND_OLD_IMAGES"))
        {
            throw new ExportFormatException(file, 0, $"view type '{viewType}' is neither NEW_IMAGE nor NEW_AND_OLD_IMAGES");
        }

        var summary = new TableExport
        {
            Location = location,
            ManifestPath = manifestPath,
            BasePath = string.Join('/', parts[..^3]),
            ExportId = parts[^2],
            Kind = kind,
            ExportArn = OptionalText(root, "exportArn", file),
            TableArn = OptionalText(root, "tableArn", file),
            ExportTime = OptionalTime(root, "exportTime", file),
            FromTime = OptionalTime(root, "exportFromTime", file),
            ToTime = OptionalTime(root, "exportToTime", file),
            ViewType = viewType,
            ItemCount = Count(root, "itemCount", file, 0),
            ManifestFilesKey = OptionalText(root, "manifestFilesS3Key", file) ?? throw new ExportFormatException(file, 0, "has no manifestFilesS3Key"),
            S3Prefix = OptionalText(root, "s3Prefix", file),
        };
        if (kind == ExportKind.Full && summary.ExportTime is null)
        {
            throw new ExportFormatException(file, 0, "a full export's summary has no exportTime");
        }

        if (kind == ExportKind.Incremental && (summary.FromTime is not { } from || summary.ToTime is not { } to || from >= to))
        {
            throw new ExportFormatException(file, 0, "an incremental export's summary needs exportFromTime before exportToTime");
        }

        return summary;
    }

    /// <summary>The data files <c>manifest-files.json</c> lists, located below the export's location.</summary>
    /// <exception cref="ExportFormatException">The files manifest is missing or malformed, or its counts do not add up to the summary's.</exception>
    public static async Task<IReadOnlyList<ExportDataFile>> ReadDataFilesAsync(TableExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var summaryFile = export.Location.Describe(export.ManifestPath);
        var exportFolder = ExportLocation.Join(export.BasePath, ExportsFolder, export.ExportId);
        var manifestPath = Resolve(export, export.ManifestFilesKey, out var relative);
        if (relative is not null && relative != $"{ExportsFolder}/{export.ExportId}/manifest-files.json")
        {
            throw new ExportFormatException(summaryFile, 0, $"manifestFilesS3Key '{export.ManifestFilesKey}' does not name this export's manifest-files.json");
        }

        var file = export.Location.Describe(manifestPath);
        var text = StrictUtf8.GetString(await ReadAllAsync(export.Location, manifestPath, cancellationToken));
        var files = new List<ExportDataFile>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 && i == lines.Length - 1)
            {
                break;
            }

            using var document = ParseJson(Encoding.UTF8.GetBytes(line), file, i + 1);
            var entry = document.RootElement;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new ExportFormatException(file, i + 1, "is not a JSON object");
            }

            var key = OptionalText(entry, "dataFileS3Key", file, i + 1) ?? throw new ExportFormatException(file, i + 1, "has no dataFileS3Key");
            var md5 = OptionalText(entry, "md5Checksum", file, i + 1) ?? throw new ExportFormatException(file, i + 1, "has no md5Checksum");
            if (!IsBase64Md5(md5))
            {
                throw new ExportFormatException(file, i + 1, $"md5Checksum '{md5}' is not a base64 MD5");
            }

            var path = Resolve(export, key, out var dataRelative);
            if (dataRelative is not null
                && !dataRelative.StartsWith($"{ExportsFolder}/{export.ExportId}/data/", StringComparison.Ordinal)
                && !dataRelative.StartsWith($"{ExportsFolder}/data/", StringComparison.Ordinal))
            {
                throw new ExportFormatException(file, i + 1, $"dataFileS3Key '{key}' is outside this export's data folders");
            }

            if (dataRelative is null && !path.StartsWith(exportFolder + "/", StringComparison.Ordinal))
            {
                throw new ExportFormatException(file, i + 1, $"dataFileS3Key '{key}' is outside this export's folder");
            }

            if (!paths.Add(path))
            {
                throw new ExportFormatException(file, i + 1, $"lists {key} a second time");
            }

            files.Add(new ExportDataFile(Count(entry, "itemCount", file, i + 1), md5, OptionalText(entry, "etag", file, i + 1), key, path));
        }

        var sum = files.Sum(f => f.ItemCount);
        if (sum != export.ItemCount)
        {
            throw new ExportFormatException(summaryFile, 0, string.Create(
                CultureInfo.InvariantCulture, $"itemCount is {export.ItemCount} but the data files in manifest-files.json hold {sum}"));
        }

        return files;
    }

    /// <summary>
    /// Every row of every data file of <paramref name="export"/>, file by file. A data file's MD5 and
    /// item count are checked when its last row has been read, so a consumer must not act on the
    /// rows before the enumeration has ended without an exception.
    /// </summary>
    /// <exception cref="ExportFormatException">A file is missing, malformed, or does not match its manifest.</exception>
    public static async IAsyncEnumerable<ExportRow> ReadRowsAsync(TableExport export, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        foreach (var data in await ReadDataFilesAsync(export, cancellationToken))
        {
            var file = export.Location.Describe(data.Path);
            Stream raw;
            try
            {
                raw = await export.Location.OpenReadAsync(data.Path, cancellationToken);
            }
            catch (FileNotFoundException ex)
            {
                throw new ExportFormatException(file, 0, "is listed in manifest-files.json but missing", ex);
            }

            using var storedMd5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            using var contentMd5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            await using var stored = new ChecksumReadStream(raw, storedMd5);
            await using var gzip = new GZipStream(stored, CompressionMode.Decompress, leaveOpen: true);
            await using var content = new ChecksumReadStream(gzip, contentMd5);
            using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            long line = 0;
            while (await NextLineAsync(reader, file, line, cancellationToken) is { } text)
            {
                line++;
                yield return export.Kind == ExportKind.Full ? ParseItem(text, file, line) : ParseChange(text, file, line);
            }

            await stored.DrainAsync(cancellationToken);
            var md5 = Convert.ToBase64String(storedMd5.GetHashAndReset());
            if (md5 != data.Md5Checksum && Convert.ToBase64String(contentMd5.GetHashAndReset()) != data.Md5Checksum)
            {
                throw new ExportFormatException(file, 0, $"MD5 is {md5} but manifest-files.json gives {data.Md5Checksum} (the file was changed or damaged)");
            }

            if (line != data.ItemCount)
            {
                throw new ExportFormatException(file, 0, string.Create(
                    CultureInfo.InvariantCulture, $"holds {line} items but manifest-files.json gives itemCount {data.ItemCount}"));
            }
        }
    }

    /// <summary>
    /// Where a key from a manifest is below the export's location. DynamoDB writes keys from the
    /// bucket's root or from the export prefix, and a copy (to the archive bucket, or to a local
    /// directory) may sit under another prefix; the part from <c>AWSDynamoDB/</c> on is the same in
    /// every case, so it is taken relative to the folder that holds this export's <c>AWSDynamoDB/</c>.
    /// </summary>
    internal static string Resolve(TableExport export, string key, out string? fromExportsFolder)
    {
        var marker = ExportsFolder + "/";
        var at = -1;
        for (var i = key.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = key.IndexOf(marker, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || key[i - 1] == '/')
            {
                at = i;
            }
        }

        fromExportsFolder = at >= 0 ? key[at..] : null;
        return at >= 0
            ? ExportLocation.Join(export.BasePath, key[at..])
            : ExportLocation.Join(export.BasePath, ExportsFolder, export.ExportId, key);
    }

    private static async Task<string?> NextLineAsync(StreamReader reader, string file, long line, CancellationToken cancellationToken)
    {
        try
        {
            var text = await reader.ReadLineAsync(cancellationToken);
            return text is { Length: 0 } ? throw new ExportFormatException(file, line + 1, "is empty (one JSON object per line is expected)") : text;
        }
        catch (InvalidDataException ex)
        {
            throw new ExportFormatException(file, 0, $"is not a readable gzip file ({ex.Message})", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ExportFormatException(file, line + 1, "is not UTF-8", ex);
        }
    }

    private static ExportItem ParseItem(string text, string file, long line)
    {
        using var document = ParseJson(Encoding.UTF8.GetBytes(text), file, line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 1 || !root.TryGetProperty("Item", out var item))
        {
            throw new ExportFormatException(file, line, "a full export's row must be {\"Item\":{...}}");
        }

        return new ExportItem(Attributes(item, "Item", file, line), file, line);
    }

    private static ExportChange ParseChange(string text, string file, long line)
    {
        using var document = ParseJson(Encoding.UTF8.GetBytes(text), file, line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ExportFormatException(file, line, "is not a JSON object");
        }

        foreach (var member in root.EnumerateObject())
        {
            if (!ChangeMembers.Contains(member.Name))
            {
                throw new ExportFormatException(file, line, $"an incremental export's row has an unexpected member '{member.Name}'");
            }
        }

        if (!root.TryGetProperty("Metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("WriteTimestampMicros", out var stamp))
        {
            throw new ExportFormatException(file, line, "an incremental export's row needs Metadata.WriteTimestampMicros");
        }

        if (!root.TryGetProperty("Keys", out var keys))
        {
            throw new ExportFormatException(file, line, "an incremental export's row needs Keys");
        }

        var keyMap = Attributes(keys, "Keys", file, line);
        if (keyMap.Count == 0)
        {
            throw new ExportFormatException(file, line, "Keys is empty");
        }

        var newImage = root.TryGetProperty("NewImage", out var n) ? Attributes(n, "NewImage", file, line) : null;
        var oldImage = root.TryGetProperty("OldImage", out var o) ? Attributes(o, "OldImage", file, line) : null;
        return new ExportChange(keyMap, newImage, oldImage, Micros(stamp, file, line), file, line);
    }

    /// <summary>
    /// <c>WriteTimestampMicros</c> as a typed number (<c>{"N":"..."}</c>); a bare integer (JSON
    /// number or digit string) is read too.
    /// </summary>
    private static long Micros(JsonElement stamp, string file, long line)
    {
        string? text = stamp.ValueKind switch
        {
            JsonValueKind.Object when stamp.EnumerateObject().Count() == 1 && stamp.TryGetProperty("N", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
            JsonValueKind.String => stamp.GetString(),
            JsonValueKind.Number => stamp.GetRawText(),
            _ => null,
        };
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            ? micros
            : throw new ExportFormatException(file, line, "Metadata.WriteTimestampMicros is not a whole number of microseconds");
    }

    private static Dictionary<string, AttributeValue> Attributes(JsonElement element, string name, string file, long line)
    {
        try
        {
            return DynamoDbJsonConverter.ReadItem(element, name);
        }
        catch (FormatException ex)
        {
            throw new ExportFormatException(file, line, ex.Message, ex);
        }
    }

    private static JsonDocument ParseJson(byte[] bytes, string file, long line)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new ExportFormatException(file, line, $"is not JSON ({ex.Message})", ex);
        }
    }

    private static async Task<byte[]> ReadAllAsync(ExportLocation location, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await location.OpenReadAsync(path, cancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (FileNotFoundException ex)
        {
            throw new ExportFormatException(location.Describe(path), 0, "is missing", ex);
        }
    }

    private static string? OptionalText(JsonElement root, string name, string file, long line = 0)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ExportFormatException(file, line, $"{name} is not a string");
    }

    private static DateTimeOffset? OptionalTime(JsonElement root, string name, string file)
    {
        if (OptionalText(root, name, file) is not { } text)
        {
            return null;
        }

        return Rfc3339.TryParseUtc(text, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : throw new ExportFormatException(file, 0, $"{name} '{text}' is not a UTC time (yyyy-MM-ddTHH:mm:ss.fffZ)");
    }

    private static long Count(JsonElement root, string name, string file, long line)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new ExportFormatException(file, line, $"has no {name}");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0
            ? count
            : throw new ExportFormatException(file, line, $"{name} is not a whole number");
    }

    private static bool IsBase64Md5(string text)
    {
        Span<byte> bytes = stackalloc byte[18];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == 16;
    }
}
