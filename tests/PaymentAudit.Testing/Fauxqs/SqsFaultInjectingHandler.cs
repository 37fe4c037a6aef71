using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PaymentAudit.Testing.Fauxqs;

/// <summary>
/// Sits between the AWS SDK and the SQS emulator and breaks <c>SendMessageBatch</c> calls,
/// deterministically (seeded): partial batch failures (chosen entries are taken out of the request
/// before it is forwarded and reported back as failed, exactly as SQS reports a failed entry),
/// throttled calls (answered without forwarding) and lost responses (forwarded, so the messages are
/// stored, then the answer is lost). Other operations pass through. Whatever the seed and however
/// concurrent callers interleave, the first three calls carry one fault of each kind whose rate is
/// above zero (a throttle, then a lost response, then a failed entry), so a short run still meets
/// all three; later calls draw from the rates.
/// </summary>
public sealed class SqsFaultInjectingHandler : DelegatingHandler
{
    private const string BatchTarget = "AmazonSQS.SendMessageBatch";
    private readonly Random _random;
    private readonly Lock _gate = new();

    /// <summary>Creates a handler over a plain socket handler.</summary>
    public SqsFaultInjectingHandler(int seed = 17)
        : base(new SocketsHttpHandler())
    {
        _random = new Random(seed);
    }

    /// <summary>Share of entries, 0 to 1, that fail inside an otherwise successful call (HTTP 200, listed as failed, not a sender fault).</summary>
    public double EntryFailureRate { get; set; }

    /// <summary>Share of calls, 0 to 1, answered with a throttling error without reaching the emulator.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Share of calls, 0 to 1, that reach the emulator but whose response is lost.</summary>
    public double LostResponseRate { get; set; }

    /// <summary><c>SendMessageBatch</c> calls seen.</summary>
    public int BatchCalls { get; private set; }

    /// <summary>Entries seen across all <c>SendMessageBatch</c> calls, including resends.</summary>
    public int BatchEntries { get; private set; }

    /// <summary>Entries reported as failed.</summary>
    public int FailedEntries { get; private set; }

    /// <summary>Calls answered with throttling.</summary>
    public int ThrottledCalls { get; private set; }

    /// <summary>Calls whose response was lost.</summary>
    public int LostResponses { get; private set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First() : string.Empty;
        if (target != BatchTarget || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        var entries = body["Entries"]!.AsArray();
        bool throttle, loseResponse;
        var failedIds = new List<string>();
        lock (_gate)
        {
            BatchCalls++;
            BatchEntries += entries.Count;
            var opening = BatchCalls <= 3 ? BatchCalls : 0;
            throttle = opening == 1 ? ThrottleRate > 0 : _random.NextDouble() < ThrottleRate;
            loseResponse = !throttle && (opening == 2 ? LostResponseRate > 0 : _random.NextDouble() < LostResponseRate);
            if (!throttle && !loseResponse)
            {
                foreach (var entry in entries)
                {
                    var fail = opening == 3 && failedIds.Count == 0 ? EntryFailureRate > 0 : _random.NextDouble() < EntryFailureRate;
                    if (fail)
                    {
                        failedIds.Add(entry!["Id"]!.GetValue<string>());
                    }
                }
            }

            ThrottledCalls += throttle ? 1 : 0;
            LostResponses += loseResponse ? 1 : 0;
            FailedEntries += failedIds.Count;
        }

        if (throttle)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject
            {
                ["__type"] = "com.amazonaws.sqs#RequestThrottled",
                ["message"] = "injected throttling",
            });
        }

        foreach (var node in entries.Where(e => failedIds.Contains(e!["Id"]!.GetValue<string>())).ToList())
        {
            entries.Remove(node);
        }

        JsonObject answer;
        if (entries.Count == 0)
        {
            answer = new JsonObject { ["Successful"] = new JsonArray() };
        }
        else
        {
            request.Content = Content(body.ToJsonString(), request.Content.Headers.ContentType);
            using var forwarded = await base.SendAsync(request, cancellationToken);
            if (loseResponse)
            {
                throw new HttpRequestException($"injected: response lost after the emulator answered {(int)forwarded.StatusCode}");
            }

            if (!forwarded.IsSuccessStatusCode)
            {
                return await CopyAsync(forwarded, cancellationToken);
            }

            answer = JsonNode.Parse(await forwarded.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        }

        var failed = answer["Failed"] as JsonArray ?? [];
        answer["Failed"] = failed;
        foreach (var id in failedIds)
        {
            failed.Add(new JsonObject
            {
                ["Id"] = id,
                ["SenderFault"] = false,
                ["Code"] = "InternalError",
                ["Message"] = "injected entry failure",
            });
        }

        return Json(HttpStatusCode.OK, answer);
    }

    private static ByteArrayContent Content(string json, MediaTypeHeaderValue? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = contentType ?? new MediaTypeHeaderValue("application/x-amz-json-1.0");
        return content;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) => new(status)
    {
        Content = Content(body.ToJsonString(), new MediaTypeHeaderValue("application/x-amz-json-1.0")),
    };

    private static async Task<HttpResponseMessage> CopyAsync(HttpResponseMessage response, CancellationToken cancellationToken) => new(response.StatusCode)
    {
        Content = Content(await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType),
    };
}
