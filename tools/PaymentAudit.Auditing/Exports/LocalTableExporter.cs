using System.Globalization;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// <b>A local stand-in for DynamoDB's export to S3</b>, which DynamoDB Local does not have: scans a
/// table (a parallel scan, page by page, with strongly consistent reads) and writes what it read as a
/// full export in DynamoDB's documented layout and format (<c>_started</c>, one gzip JSON-lines
/// data file per scan segment, <c>manifest-files.json</c>, <c>manifest-summary.json</c> with
/// <c>outputFormat</c> <c>DYNAMODB_JSON</c> and <c>exportType</c> <c>FULL_EXPORT</c>) to a directory
/// or an S3 prefix. Unlike a real export it is not a point-in-time snapshot (writes during the scan
/// may or may not be in it), it consumes read capacity, and it holds the data files in memory
/// until they are written: it is for the local pipeline and tests, never for a deployed table.
/// </summary>
public sealed class LocalTableExporter
{
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly TimeProvider _time;
    private readonly LocalExportOptions _options;

    /// <summary>Creates an exporter reading through <paramref name="dynamoDb"/>; the export time comes from <paramref name="time"/>.</summary>
    public LocalTableExporter(IAmazonDynamoDB dynamoDb, TimeProvider time, LocalExportOptions? options = null)
    {
        _dynamoDb = dynamoDb ?? throw new ArgumentNullException(nameof(dynamoDb));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new LocalExportOptions();
        if (_options.Segments is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Segments, "Segments must be from 1 to 1,000,000.");
        }
    }

    /// <summary>
    /// Exports <paramref name="tableName"/> under <c>&lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;/</c>
    /// of <paramref name="target"/>.
    /// </summary>
    public async Task<LocalExportResult> ExportAsync(string tableName, ExportLocation target, string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(target);
        var started = _time.GetUtcNow();
        var exportTime = new DateTimeOffset(started.Ticks - (started.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var table = (await _dynamoDb.DescribeTableAsync(tableName, cancellationToken)).Table;
        var exportId = string.Create(
            CultureInfo.InvariantCulture, $"{exportTime.ToUnixTimeMilliseconds():D14}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var writer = new ExportWriter(target, prefix ?? string.Empty, exportId);
        await writer.StartAsync(cancellationToken);

        var segments = await Task.WhenAll(Enumerable.Range(0, _options.Segments).Select(segment => ScanAsync(tableName, segment, cancellationToken)));
        foreach (var lines in segments)
        {
            await writer.WriteDataFileAsync(lines, sharedDataFolder: false, cancellationToken);
        }

        await writer.CompleteAsync(
            new ExportSummaryFields
            {
                Kind = ExportKind.Full,
                ExportTime = exportTime,
                StartTime = started,
                EndTime = _time.GetUtcNow(),
                TableArn = table.TableArn,
                TableId = table.TableId,
                BilledSizeBytes = segments.Sum(lines => lines.Sum(l => (long)l.Length)),
            },
            cancellationToken);
        return new LocalExportResult(target, writer.SummaryPath, exportId, exportTime, writer.Items, writer.Files.Count);
    }

    private async Task<List<byte[]>> ScanAsync(string tableName, int segment, CancellationToken cancellationToken)
    {
        var lines = new List<byte[]>();
        var request = new ScanRequest
        {
            TableName = tableName,
            Segment = segment,
            TotalSegments = _options.Segments,
            ConsistentRead = true,
            Limit = _options.PageSize,
        };
        do
        {
            var response = await _dynamoDb.ScanAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                lines.Add(ExportWriter.ItemLine(item));
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
        return lines;
    }
}
