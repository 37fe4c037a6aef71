using System.Text.Json;
using Amazon.SQS;

namespace PaymentAudit.Local.Emulators;

/// <summary>
/// Reads every message of a queue on fauxqs without receiving it, through the emulator's
/// documented inspection endpoint (<c>GET /_fauxqs/queues/&lt;name&gt;</c>): ready, delayed and in
/// flight, with bodies and message ids. Nothing moves and no receive count changes.
/// </summary>
/// <remarks>
/// The SQS API cannot do this for a FIFO queue: only the first message of each group can be
/// received while the group's earlier message is in flight, so receiving "with a short visibility
/// and letting it reappear" never sees past the head of a group, and receiving then re-sending
/// changes message ids (which identify raw messages) and the order evidence a dead-letter queue holds.
/// </remarks>
public sealed class FauxqsQueueInspector : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates an inspector of the fauxqs at <paramref name="serviceUrl"/>.</summary>
    public FauxqsQueueInspector(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        _http = new HttpClient { BaseAddress = serviceUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>An inspector of the emulator <paramref name="sqs"/> talks to.</summary>
    /// <exception cref="InvalidOperationException">The client has no service URL (it does not talk to an emulator).</exception>
    public static FauxqsQueueInspector For(IAmazonSQS sqs)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        return sqs.Config.ServiceURL is { Length: > 0 } url
            ? new FauxqsQueueInspector(new Uri(url))
            : throw new InvalidOperationException("Queue inspection needs an SQS client pointed at fauxqs (a ServiceURL).");
    }

    /// <summary>The queue name of an SQS queue URL (its last path segment).</summary>
    public static string QueueNameOf(string queueUrl)
    {
        ArgumentNullException.ThrowIfNull(queueUrl);
        return new Uri(queueUrl).Segments[^1].TrimEnd('/');
    }

    /// <summary>Every message of the queue at <paramref name="queueUrl"/>: ready, delayed and in flight.</summary>
    /// <exception cref="InvalidOperationException">The queue does not exist or the answer is not what fauxqs sends.</exception>
    public async Task<IReadOnlyList<InspectedMessage>> ReadAsync(string queueUrl, CancellationToken cancellationToken = default)
    {
        var name = QueueNameOf(queueUrl);
        using var response = await _http.GetAsync(new Uri("_fauxqs/queues/" + Uri.EscapeDataString(name), UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"fauxqs did not show the queue '{name}': HTTP {(int)response.StatusCode}.");
        }

        await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
        if (!document.RootElement.TryGetProperty("messages", out var messages))
        {
            throw new InvalidOperationException($"fauxqs's view of the queue '{name}' has no 'messages'.");
        }

        var found = new List<InspectedMessage>();
        foreach (var message in Array(messages, "ready").Concat(Array(messages, "delayed")))
        {
            found.Add(Read(message, receiptHandle: null));
        }

        foreach (var entry in Array(messages, "inflight"))
        {
            found.Add(Read(entry.GetProperty("message"), entry.GetProperty("receiptHandle").GetString()));
        }

        return found;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static JsonElement.ArrayEnumerator Array(JsonElement messages, string name) =>
        messages.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : throw new InvalidOperationException($"fauxqs's view of a queue has no '{name}' list.");

    private static InspectedMessage Read(JsonElement message, string? receiptHandle) => new(
        message.GetProperty("messageId").GetString() ?? throw new InvalidOperationException("fauxqs showed a message without an id."),
        message.GetProperty("body").GetString() ?? string.Empty,
        message.TryGetProperty("messageGroupId", out var group) && group.ValueKind == JsonValueKind.String ? group.GetString() : null,
        receiptHandle);
}
