using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// Writes an export in DynamoDB's layout below <c>&lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;/</c>:
/// <c>_started</c> first, then gzip JSON-lines data files, then <c>manifest-files.json</c> and
/// <c>manifest-summary.json</c> last, so a reader never sees a summary whose files are not there yet.
/// </summary>
internal sealed class ExportWriter
{
    private readonly ExportLocation _target;
    private readonly string _prefix;
    private readonly List<ExportDataFile> _files = [];

    /// <summary>Creates a writer of export <paramref name="exportId"/> under <paramref name="prefix"/> of <paramref name="target"/>.</summary>
    public ExportWriter(ExportLocation target, string prefix, string exportId)
    {
        _target = target;
        _prefix = prefix.Trim('/');
        ExportId = exportId;
    }

    /// <summary>The export id.</summary>
    public string ExportId { get; }

    /// <summary>The export's folder below the target: <c>&lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;</c>.</summary>
    public string Folder => ExportLocation.Join(_prefix, DynamoDbExportReader.ExportsFolder, ExportId);

    /// <summary>The path of its summary manifest below the target.</summary>
    public string SummaryPath => ExportLocation.Join(Folder, DynamoDbExportReader.SummaryFileName);

    /// <summary>
    /// True to write keys in manifests from the bucket's root (<c>&lt;prefix&gt;/AWSDynamoDB/...</c>);
    /// false (the default) to write them from the export prefix (<c>AWSDynamoDB/...</c>), as the
    /// developer guide's example does.
    /// </summary>
    public bool KeysFromBucketRoot { get; init; }

    /// <summary>Rows written so far.</summary>
    public long Items => _files.Sum(f => f.ItemCount);

    /// <summary>Data files written so far.</summary>
    public IReadOnlyList<ExportDataFile> Files => _files;

    /// <summary>A full export's row.</summary>
    public static byte[] ItemLine(IReadOnlyDictionary<string, AttributeValue> item) => Line(writer =>
    {
        writer.WritePropertyName("Item");
        DynamoDbJsonConverter.WriteItem(writer, item, canonical: false);
    });

    /// <summary>An incremental export's row; a null <paramref name="newImage"/> is a delete.</summary>
    public static byte[] ChangeLine(
        IReadOnlyDictionary<string, AttributeValue> keys,
        IReadOnlyDictionary<string, AttributeValue>? newImage,
        IReadOnlyDictionary<string, AttributeValue>? oldImage,
        long writeTimestampMicros) => Line(writer =>
    {
        writer.WriteStartObject("Metadata");
        writer.WriteStartObject("WriteTimestampMicros");
        writer.WriteString("N", writeTimestampMicros.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WritePropertyName("Keys");
        DynamoDbJsonConverter.WriteItem(writer, keys, canonical: false);
        if (newImage is not null)
        {
            writer.WritePropertyName("NewImage");
            DynamoDbJsonConverter.WriteItem(writer, newImage, canonical: false);
        }

        if (oldImage is not null)
        {
            writer.WritePropertyName("OldImage");
            DynamoDbJsonConverter.WriteItem(writer, oldImage, canonical: false);
        }
    });

    /// <summary>Writes the empty <c>_started</c> marker.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        _target.WriteAsync(ExportLocation.Join(Folder, "_started"), ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <summary>
    /// Writes one gzip data file of <paramref name="lines"/> (each one JSON object, no newline) under
    /// the export's <c>data/</c> folder, or the prefix's shared <c>AWSDynamoDB/data/</c> folder that
    /// incremental exports use.
    /// </summary>
    public async Task<ExportDataFile> WriteDataFileAsync(IEnumerable<byte[]> lines, bool sharedDataFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var bytes = Compress(lines, out var count);
        var relative = ExportLocation.Join(
            DynamoDbExportReader.ExportsFolder, sharedDataFolder ? string.Empty : ExportId, "data", RandomName() + ".json.gz");
        var path = ExportLocation.Join(_prefix, relative);
        await _target.WriteAsync(path, bytes, cancellationToken);
        var md5 = Md5(bytes);
        var file = new ExportDataFile(count, Convert.ToBase64String(md5), Convert.ToHexStringLower(md5), KeyOf(relative), path);
        _files.Add(file);
        return file;
    }

    /// <summary>A gzip data file of <paramref name="lines"/>, each followed by a newline.</summary>
    public static byte[] Compress(IEnumerable<byte[]> lines, out long count)
    {
        ArgumentNullException.ThrowIfNull(lines);
        count = 0;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                gzip.Write(line);
                gzip.WriteByte((byte)'\n');
                count++;
            }
        }

        return compressed.ToArray();
    }

    /// <summary>The MD5 a files manifest gives for <paramref name="bytes"/> (base64 of it as <c>md5Checksum</c>, hex as a single-part ETag).</summary>
    public static byte[] Md5(byte[] bytes)
    {
#pragma warning disable CA5351 // MD5 is what the export format's manifest holds: it detects damage, it is not a security control.
        return MD5.HashData(bytes);
#pragma warning restore CA5351
    }

    /// <summary>Writes <c>manifest-files.json</c>, then <c>manifest-summary.json</c> with the counts of the files written.</summary>
    public async Task CompleteAsync(ExportSummaryFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var filesManifest = new MemoryStream();
        foreach (var file in _files)
        {
            using (var writer = new Utf8JsonWriter(filesManifest))
            {
                writer.WriteStartObject();
                writer.WriteNumber("itemCount", file.ItemCount);
                writer.WriteString("md5Checksum", file.Md5Checksum);
                writer.WriteString("etag", file.ETag);
                writer.WriteString("dataFileS3Key", file.DataFileKey);
                writer.WriteEndObject();
            }

            filesManifest.WriteByte((byte)'\n');
        }

        var filesRelative = ExportLocation.Join(DynamoDbExportReader.ExportsFolder, ExportId, "manifest-files.json");
        await _target.WriteAsync(ExportLocation.Join(_prefix, filesRelative), filesManifest.ToArray(), cancellationToken);

        using var summary = new MemoryStream();
        using (var writer = new Utf8JsonWriter(summary, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("version", fields.Kind == ExportKind.Full ? "2020-06-30" : "2023-08-01");
            writer.WriteString("exportArn", fields.TableArn is null ? null : $"{fields.TableArn}/export/{ExportId}");
            writer.WriteString("startTime", TableExport.Format(fields.StartTime));
            writer.WriteString("endTime", TableExport.Format(fields.EndTime));
            writer.WriteString("tableArn", fields.TableArn);
            writer.WriteString("tableId", fields.TableId);
            if (fields.Kind == ExportKind.Full)
            {
                writer.WriteString("exportTime", TableExport.Format(fields.ExportTime));
            }
            else
            {
                writer.WriteString("exportFromTime", TableExport.Format(fields.ExportTime));
                writer.WriteString("exportToTime", TableExport.Format(fields.ExportToTime ?? fields.ExportTime));
            }

            writer.WriteString("s3Bucket", _target.BucketName);
            writer.WriteString("s3Prefix", _target.KeyOf(_prefix));
            writer.WriteNull("s3SseAlgorithm");
            writer.WriteNull("s3SseKmsKeyId");
            writer.WriteString("manifestFilesS3Key", KeyOf(filesRelative));
            writer.WriteNumber("billedSizeBytes", fields.BilledSizeBytes);
            writer.WriteNumber("itemCount", Items);
            writer.WriteString("outputFormat", "DYNAMODB_JSON");
            if (fields.Kind == ExportKind.Incremental)
            {
                writer.WriteString("outputView", fields.ViewType ?? "NEW_IMAGE");
            }

            writer.WriteString("exportType", fields.Kind == ExportKind.Full ? "FULL_EXPORT" : "INCREMENTAL_EXPORT");
            writer.WriteEndObject();
        }

        await _target.WriteAsync(SummaryPath, summary.ToArray(), cancellationToken);
    }

    /// <summary>A data file name like DynamoDB's: 26 characters of lowercase base32.</summary>
    private static string RandomName()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        return string.Create(26, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static byte[] Line(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private string KeyOf(string relative) => KeysFromBucketRoot ? _target.KeyOf(ExportLocation.Join(_prefix, relative)) : relative;
}
