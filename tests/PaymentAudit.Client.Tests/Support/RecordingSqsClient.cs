using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PaymentAudit.Client.Tests.Support;

/// <summary>
/// A real <see cref="AmazonSQSClient"/> whose <c>SendMessageBatchAsync</c> never leaves the process:
/// it records each call, optionally holds it at a gate, and answers through <see cref="Respond"/>
/// (default: every entry accepted). Tests wait for calls through <see cref="WaitForBatchesAsync"/>.
/// </summary>
public sealed class RecordingSqsClient : AmazonSQSClient
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly List<SentBatch> _batches = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private TaskCompletionSource? _held;

    public RecordingSqsClient()
        : base(new AnonymousAWSCredentials(), new AmazonSQSConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1" })
    {
    }

    /// <summary>Answers a call; default <see cref="AcceptAll"/>. May throw to fail the whole call.</summary>
    public Func<SentBatch, SendMessageBatchResponse> Respond { get; set; } = AcceptAll;

    public IReadOnlyList<SentBatch> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Every entry of every call, in the order the calls were made.</summary>
    public IReadOnlyList<SentEntry> Entries => [.. Batches.SelectMany(b => b.Entries)];

    /// <summary>Holds every call until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held calls (and later ones) answer.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _held?.TrySetResult();
            _held = null;
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> calls were made (fails after a safety timeout).</summary>
    public Task WaitForBatchesAsync(int count)
    {
        lock (_gate)
        {
            if (_batches.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(SafetyTimeout);
        }
    }

    public static SendMessageBatchResponse AcceptAll(SentBatch batch) => Answer(batch, _ => null);

    /// <summary>An answer failing the entries <paramref name="failure"/> returns an error entry for, accepting the rest.</summary>
    public static SendMessageBatchResponse Answer(SentBatch batch, Func<SentEntry, BatchResultErrorEntry?> failure)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(failure);
        var response = new SendMessageBatchResponse { Successful = [], Failed = [] };
        foreach (var entry in batch.Entries)
        {
            if (failure(entry) is { } error)
            {
                error.Id = entry.Id;
                response.Failed.Add(error);
            }
            else
            {
                response.Successful.Add(new SendMessageBatchResultEntry { Id = entry.Id, MessageId = Guid.NewGuid().ToString() });
            }
        }

        return response;
    }

    public override async Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task held;
        SentBatch batch;
        lock (_gate)
        {
            batch = new SentBatch(
                _batches.Count,
                request.Entries.Select(e => new SentEntry(e.Id, e.MessageBody, e.MessageGroupId, e.MessageDeduplicationId)).ToList());
            _batches.Add(batch);
            foreach (var waiter in _waiters.Where(w => _batches.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }

            held = _held?.Task ?? Task.CompletedTask;
        }

        await held.WaitAsync(cancellationToken);
        return Respond(batch);
    }
}
