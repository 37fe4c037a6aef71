using Amazon.SQS.Model;

namespace PaymentAudit.Client.Internal;

/// <summary>What SQS answered for one batch: per entry, accepted (no failure) or a failure.</summary>
internal sealed class BatchOutcome
{
    private static readonly EntryFailure MissingFromResponse =
        new("MissingFromResponse", "the entry was in neither the successful nor the failed list of the response", Retryable: true);

    private readonly EntryFailure?[]? _failures;

    private BatchOutcome(PendingEntry[] entries, EntryFailure?[]? failures)
    {
        Entries = entries;
        _failures = failures;
    }

    public PendingEntry[] Entries { get; }

    /// <summary>The failure of entry <paramref name="index"/>, or null when SQS accepted it.</summary>
    public EntryFailure? FailureAt(int index) => _failures?[index];

    public static BatchOutcome FromResponse(PendingEntry[] entries, SendMessageBatchResponse response)
    {
        // SDK v4 leaves absent lists null; an entry that is in neither list is treated as not accepted.
        var accepted = new bool[entries.Length];
        var successful = response.Successful;
        if (successful is not null)
        {
            foreach (var result in successful)
            {
                if (BatchEntryIds.TryParse(result.Id, entries.Length, out var index))
                {
                    accepted[index] = true;
                }
            }
        }

        if (Array.TrueForAll(accepted, static a => a))
        {
            return new BatchOutcome(entries, null);
        }

        var failures = new EntryFailure?[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            failures[i] = accepted[i] ? null : MissingFromResponse;
        }

        foreach (var failed in response.Failed ?? [])
        {
            if (BatchEntryIds.TryParse(failed.Id, entries.Length, out var index) && !accepted[index])
            {
                var code = failed.Code ?? "Unknown";
                failures[index] = new EntryFailure(code, failed.Message ?? "no message", SqsErrorClassifier.IsRetryableEntryFailure(failed.SenderFault, code));
            }
        }

        return new BatchOutcome(entries, failures);
    }

    public static BatchOutcome FromException(PendingEntry[] entries, Exception exception, bool stopping)
    {
        var failure = SqsErrorClassifier.Classify(exception, stopping);
        var failures = new EntryFailure?[entries.Length];
        Array.Fill(failures, failure);
        return new BatchOutcome(entries, failures);
    }
}
