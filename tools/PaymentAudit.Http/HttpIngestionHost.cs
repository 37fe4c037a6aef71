using System.Buffers;
using System.Net;
using Amazon.SQS;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using PaymentAudit.Http.Ingestion;
using PaymentAudit.Http.Responses;

namespace PaymentAudit.Http;

/// <summary>
/// The local HTTP ingestion endpoint: a minimal API on Kestrel serving <c>POST /v1/events</c> and
/// <c>POST /v1/events/batch</c> in front of the local audit queue. It applies the writer's
/// validator itself (400 with the validator's code, 413 for oversize) and sends accepted events as
/// the deployed API's SQS integration does; a throttled or unavailable queue answers 503 with
/// Retry-After. It listens on loopback only and has no authentication: it stands in for the
/// SigV4-signed API on a developer's machine (docs/http.md).
/// </summary>
public sealed class HttpIngestionHost : IAsyncDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly WebApplication _app;

    private HttpIngestionHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>URL of <c>POST /v1/events</c>.</summary>
    public Uri EventsUrl => new(BaseAddress, EventRoutes.Events);

    /// <summary>URL of <c>POST /v1/events/batch</c>.</summary>
    public Uri BatchUrl => new(BaseAddress, EventRoutes.Batch);

    /// <summary>Starts listening.</summary>
    /// <param name="sqs">Client of the audit queue.</param>
    /// <param name="options">Queue URL, port and limits.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<HttpIngestionHost> StartAsync(IAmazonSQS sqs, HttpIngestionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.QueueUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);

        var ingestor = new EventIngestor(sqs, options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(HttpIngestionHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port);
            // The routes read at most a batch's worth themselves and answer 413 past it.
            kestrel.Limits.MaxRequestBodySize = ingestor.MaxBatchBodyBytes + 1;
        });
        var app = builder.Build();
        var retryAfter = ((int)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.MapPost(EventRoutes.Events, context => HandleAsync(context, ingestor.MaxEventBytes, ingestor.IngestOneAsync, retryAfter));
        app.MapPost(EventRoutes.Batch, context => HandleAsync(context, ingestor.MaxBatchBodyBytes, ingestor.IngestBatchAsync, retryAfter));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new IOException($"The HTTP ingestion endpoint cannot listen on {options.Address}:{options.Port}: {e.Message} (choose another port with --http-port).", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpIngestionHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops listening; requests in flight finish first.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task HandleAsync(
        HttpContext context, int maxBodyBytes, Func<byte[], string?, CancellationToken, Task<Answer>> ingest, string retryAfter)
    {
        var request = context.Request;
        var answer = !IsJson(request.ContentType)
            ? EventIngestor.UnsupportedMediaType(request.ContentType)
            : await ReadBodyAsync(request, maxBodyBytes, context.RequestAborted) is { } body
                ? await ingest(body, Header(request, EventRoutes.GroupHeader), context.RequestAborted)
                : EventIngestor.Oversize($"the body is larger than the limit of {maxBodyBytes} bytes");

        var response = context.Response;
        response.StatusCode = answer.Status;
        if (answer.RetryLater)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        response.ContentType = JsonMediaType;
        await (answer.Body switch
        {
            AcceptedEvent accepted => System.Text.Json.JsonSerializer.SerializeAsync(response.Body, accepted, HttpJsonContext.Default.AcceptedEvent, context.RequestAborted),
            BatchAnswer batch => System.Text.Json.JsonSerializer.SerializeAsync(response.Body, batch, HttpJsonContext.Default.BatchAnswer, context.RequestAborted),
            Problem problem => System.Text.Json.JsonSerializer.SerializeAsync(response.Body, problem, HttpJsonContext.Default.Problem, context.RequestAborted),
            _ => throw new InvalidOperationException($"No JSON for {answer.Body.GetType().Name}."),
        });
    }

    // API Gateway takes a request without Content-Type as JSON, and only JSON has a mapping template.
    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || (MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase));

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, maxBytes));
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
                if (read == 0)
                {
                    return buffer.WrittenSpan.ToArray();
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}
