using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.SQS;

namespace PaymentAudit.Http.Tests.Support;

/// <summary>The endpoint on a free loopback port, and an HTTP client for it.</summary>
public sealed class RunningEndpoint : IAsyncDisposable
{
    private RunningEndpoint(HttpIngestionHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public HttpIngestionHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<RunningEndpoint> StartAsync(IAmazonSQS sqs, string queueUrl) =>
        new(await HttpIngestionHost.StartAsync(sqs, new HttpIngestionOptions { QueueUrl = queueUrl, Port = 0 }));

    /// <summary>POSTs <paramref name="body"/> as JSON, with the group header when given.</summary>
    public async Task<Reply> PostAsync(string path, string body, string? group = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (group is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Audit-Group", group);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.RetryAfter?.Delta);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>An answer of the endpoint.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">Its JSON body.</param>
/// <param name="RetryAfter">The Retry-After header, if any.</param>
public sealed record Reply(int Status, JsonElement Body, TimeSpan? RetryAfter)
{
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;
}
