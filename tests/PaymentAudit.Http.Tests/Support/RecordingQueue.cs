using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace PaymentAudit.Http.Tests.Support;

/// <summary>An SQS client double that records what is sent and answers as SQS would, or fails as told.</summary>
public sealed class RecordingQueue
{
    public const string QueueUrl = "http://127.0.0.1:1/000000000000/audit.fifo";

    private int _sequence;

    public RecordingQueue()
    {
        Client.SendMessageAsync(Arg.Any<SendMessageRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var request = call.Arg<SendMessageRequest>();
            Sent.Add(request);
            var n = Interlocked.Increment(ref _sequence);
            return new SendMessageResponse { MessageId = $"m-{n}", SequenceNumber = n.ToString("D20", CultureInfo.InvariantCulture) };
        });
        Client.SendMessageBatchAsync(Arg.Any<SendMessageBatchRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var request = call.Arg<SendMessageBatchRequest>();
            Batches.Add(request);
            var failing = request.Entries.Where(e => FailEntry(e)).ToList();
            return new SendMessageBatchResponse
            {
                Successful = [.. request.Entries.Except(failing).Select(e => new SendMessageBatchResultEntry { Id = e.Id, MessageId = $"m-{Interlocked.Increment(ref _sequence)}" })],
                Failed = [.. failing.Select(e => new BatchResultErrorEntry { Id = e.Id, Code = "InternalError", SenderFault = false })],
            };
        });
    }

    /// <summary>The substitute to hand to the host.</summary>
    public IAmazonSQS Client { get; } = Substitute.For<IAmazonSQS>();

    /// <summary>SendMessage requests, in order.</summary>
    public List<SendMessageRequest> Sent { get; } = [];

    /// <summary>SendMessageBatch requests, in order.</summary>
    public List<SendMessageBatchRequest> Batches { get; } = [];

    /// <summary>Entries of a batch that SQS reports as failed.</summary>
    public Func<SendMessageBatchRequestEntry, bool> FailEntry { get; set; } = _ => false;

    /// <summary>Every send fails with <paramref name="exception"/>.</summary>
    public void FailWith(Exception exception)
    {
        Client.SendMessageAsync(Arg.Any<SendMessageRequest>(), Arg.Any<CancellationToken>()).ThrowsAsync(exception);
        Client.SendMessageBatchAsync(Arg.Any<SendMessageBatchRequest>(), Arg.Any<CancellationToken>()).ThrowsAsync(exception);
    }
}
