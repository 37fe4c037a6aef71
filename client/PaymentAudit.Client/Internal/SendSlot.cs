using Amazon.SQS.Model;

namespace PaymentAudit.Client.Internal;

/// <summary>
/// One <c>SendMessageBatch</c> call and what SQS answered for each entry. The trail keeps one slot
/// per call it may have in flight and reuses it: the request, its entries and the answer's
/// storage are allocated once, so sending a batch allocates nothing on the client's side. Re-sending
/// a request object after its call completed is how the SDK's own paginators work.
/// </summary>
/// <remarks>
/// The dispatcher fills a slot, one task sends it and records the answer, and the dispatcher
/// settles and releases it; the inbox between them orders those steps.
/// </remarks>
internal sealed class SendSlot
{
    private static readonly EntryFailure MissingFromResponse =
        new("MissingFromResponse", "the entry was in neither the successful nor the failed list of the response", Retryable: true);

    private readonly PendingEntry?[] _entries = new PendingEntry?[BatchEntryIds.MaxEntriesPerBatch];
    private readonly SendMessageBatchRequestEntry[] _sqsEntries;
    private readonly EntryFailure?[] _failures = new EntryFailure?[BatchEntryIds.MaxEntriesPerBatch];
    private bool _anyFailed;

    public SendSlot(string queueUrl)
    {
        _sqsEntries = new SendMessageBatchRequestEntry[BatchEntryIds.MaxEntriesPerBatch];
        for (var i = 0; i < _sqsEntries.Length; i++)
        {
            _sqsEntries[i] = new SendMessageBatchRequestEntry { Id = BatchEntryIds.For(i) };
        }

        Request = new SendMessageBatchRequest { QueueUrl = queueUrl, Entries = new List<SendMessageBatchRequestEntry>(BatchEntryIds.MaxEntriesPerBatch) };
    }

    /// <summary>The request, with one entry per <see cref="Add"/>ed event.</summary>
    public SendMessageBatchRequest Request { get; }

    /// <summary>Events in the batch.</summary>
    public int Count => Request.Entries.Count;

    /// <summary>The message body bytes in the batch, for SQS's batch size limit.</summary>
    public int Bytes { get; private set; }

    /// <summary>The event at <paramref name="index"/> (entry id = index).</summary>
    public PendingEntry this[int index] => _entries[index]!;

    public void Add(PendingEntry entry)
    {
        var index = Count;
        var sqsEntry = _sqsEntries[index];
        sqsEntry.MessageBody = entry.Body;
        sqsEntry.MessageGroupId = entry.GroupId;
        sqsEntry.MessageDeduplicationId = entry.EventId;
        Request.Entries.Add(sqsEntry);
        _entries[index] = entry;
        Bytes += entry.Bytes;
    }

    /// <summary>The failure of entry <paramref name="index"/>, or null when SQS accepted it.</summary>
    public EntryFailure? FailureAt(int index) => _anyFailed ? _failures[index] : null;

    /// <summary>Records SQS's answer: entries in neither list count as not accepted.</summary>
    public void Record(SendMessageBatchResponse response)
    {
        var count = Count;
        Span<bool> accepted = stackalloc bool[BatchEntryIds.MaxEntriesPerBatch];
        var acceptedCount = 0;

        // SDK v4 leaves absent lists null.
        foreach (var result in response.Successful ?? [])
        {
            if (BatchEntryIds.TryParse(result.Id, count, out var index) && !accepted[index])
            {
                accepted[index] = true;
                acceptedCount++;
            }
        }

        _anyFailed = acceptedCount < count;
        if (!_anyFailed)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            _failures[i] = accepted[i] ? null : MissingFromResponse;
        }

        foreach (var failed in response.Failed ?? [])
        {
            if (BatchEntryIds.TryParse(failed.Id, count, out var index) && !accepted[index])
            {
                var code = failed.Code ?? "Unknown";
                _failures[index] = new EntryFailure(code, failed.Message ?? "no message", SqsErrorClassifier.IsRetryableEntryFailure(failed.SenderFault, code));
            }
        }
    }

    /// <summary>Records a call that failed as a whole: every entry failed the same way.</summary>
    public void Record(Exception exception, bool stopping)
    {
        _anyFailed = true;
        Array.Fill(_failures, SqsErrorClassifier.Classify(exception, stopping), 0, Count);
    }

    /// <summary>Empties the slot for the next batch, letting go of the events and their bodies.</summary>
    public void Clear()
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            _entries[i] = null;
            _failures[i] = null;
            var sqsEntry = _sqsEntries[i];
            sqsEntry.MessageBody = null;
            sqsEntry.MessageGroupId = null;
            sqsEntry.MessageDeduplicationId = null;
        }

        Request.Entries.Clear();
        Bytes = 0;
        _anyFailed = false;
    }
}
