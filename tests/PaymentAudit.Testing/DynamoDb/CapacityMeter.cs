using System.IO.Compression;
using System.Text.Json;
using PaymentAudit.Core.Topology;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>
/// Sits between the AWS SDK and DynamoDB and bills every request that goes over the wire in write
/// and read units, the way DynamoDB does: it reads each request (the <c>X-Amz-Target</c> operation
/// and its JSON body) and DynamoDB's answer, and applies <see cref="CapacityUnits"/> to the items
/// they carry, with the table's indexes from a <see cref="TableShape"/>. Nothing is estimated from
/// what the code meant to send: a change of data model is measured as it reaches DynamoDB.
/// </summary>
/// <remarks>
/// Attach it as the innermost handler of a client (under a <see cref="FaultInjectingHandler"/> if
/// any, so injected faults, which DynamoDB never saw, are not billed). It remembers the size and index
/// entries of every item written through it, so it must see every write to the tables it meters
/// from their creation: meter fresh tables. Billing rules and their sources: docs/cost.md.
/// </remarks>
public sealed class CapacityMeter : DelegatingHandler
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private readonly Lock _gate = new();
    private readonly CapacityLedger _ledger;

    /// <summary>Creates a meter forwarding to <paramref name="inner"/>, for tables shaped as <paramref name="shape"/>.</summary>
    public CapacityMeter(HttpMessageHandler inner, TableShape shape)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        _ledger = new CapacityLedger(shape);
    }

    /// <summary>Creates a meter for tables built from <paramref name="table"/> (see <see cref="TableShape.From(TableDefinition)"/>).</summary>
    public CapacityMeter(HttpMessageHandler inner, TableDefinition table)
        : this(inner, TableShape.From(table))
    {
    }

    /// <summary>The table shape requests are billed against.</summary>
    public TableShape Shape { get; }

    /// <summary>What each operation cost so far, by operation name (e.g. <c>PutItem</c>).</summary>
    public IReadOnlyDictionary<string, OperationCapacity> ByOperation
    {
        get
        {
            lock (_gate)
            {
                return _ledger.ByOperation;
            }
        }
    }

    /// <summary>Write units consumed on each global secondary index so far, by index name.</summary>
    public IReadOnlyDictionary<string, long> IndexWriteUnits
    {
        get
        {
            lock (_gate)
            {
                return _ledger.IndexWriteUnits;
            }
        }
    }

    /// <summary>All write units so far, tables and indexes.</summary>
    public long WriteUnits => ByOperation.Values.Sum(o => o.WriteUnits);

    /// <summary>All read units so far.</summary>
    public double ReadUnits => ByOperation.Values.Sum(o => o.ReadUnits);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First() : string.Empty;
        if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal) || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        // Buffered content can be read here and still be sent, and read again by the SDK.
        await request.Content.LoadIntoBufferAsync(cancellationToken);
        var requestBody = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await ReadBodyAsync(response, cancellationToken);

        using var requestJson = JsonDocument.Parse(requestBody);
        using var responseJson = ParseOrEmpty(responseBody);
        var error = response.IsSuccessStatusCode ? null : ErrorType(response, responseJson.RootElement);
        lock (_gate)
        {
            _ledger.Record(target[TargetPrefix.Length..], requestJson.RootElement, responseJson.RootElement, error);
        }

        return response;
    }

    /// <summary>The answer's JSON; an empty object when there is none or it is not JSON (e.g. a proxy's error page).</summary>
    private static JsonDocument ParseOrEmpty(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body.Length > 0 ? body : "{}"u8.ToArray());
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase))
        {
            return body;
        }

        await using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain, cancellationToken);
        return plain.ToArray();
    }

    /// <summary>DynamoDB's error type without its namespace, e.g. <c>ConditionalCheckFailedException</c>.</summary>
    private static string ErrorType(HttpResponseMessage response, JsonElement body)
    {
        var type = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("__type", out var t) ? t.GetString()
            : response.Headers.TryGetValues("x-amzn-ErrorType", out var header) ? header.First()
            : null;
        return type is null ? $"HTTP{(int)response.StatusCode}" : type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
    }
}
