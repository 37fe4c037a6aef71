using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PaymentAudit.Benchmarks.Client;

/// <summary>
/// An SQS client whose <c>SendMessageBatchAsync</c> accepts every entry at once without I/O, so a
/// benchmark measures the client library alone. Answers are built once per batch size: the client
/// only reads them, and entry ids are positions.
/// </summary>
public sealed class ImmediateSqsClient : AmazonSQSClient
{
    private readonly Task<SendMessageBatchResponse>[] _answers = Enumerable.Range(0, 11)
        .Select(count => Task.FromResult(new SendMessageBatchResponse
        {
            Successful = [.. Enumerable.Range(0, count).Select(i => new SendMessageBatchResultEntry { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageId = "m" })],
        }))
        .ToArray();

    public ImmediateSqsClient()
        : base(new AnonymousAWSCredentials(), new AmazonSQSConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" })
    {
    }

    public override Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _answers[request.Entries.Count];
    }
}
