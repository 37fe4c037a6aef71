using System.Diagnostics;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Processes one batch: validates every message (invalid ones become quarantined entries, never
/// failures), groups them by chain keeping delivery order, appends each group (groups run
/// concurrently) and applies the FIFO failure rule: once a message of a group fails, it and
/// every later message of that group in the batch are reported failed, so SQS redelivers them in
/// order; messages of other groups complete.
/// </summary>
public sealed class BatchProcessor
{
    private readonly AuditEventValidator _validator;
    private readonly ChainAppender _appender;
    private readonly Action<string, Exception>? _onGroupFailure;
    private readonly int _maxParallelGroups;

    /// <summary>Creates a processor.</summary>
    /// <param name="validator">Contract validator.</param>
    /// <param name="appender">Appends a group to its chain.</param>
    /// <param name="onGroupFailure">Told about each failed group (chain id, fault), e.g. to log it.</param>
    /// <param name="maxParallelGroups">
    /// How many groups of a batch are appended at once. Default: all (DynamoDB serves them in
    /// parallel). DynamoDB Local serializes transactions and slows down under concurrent ones, so
    /// the local pipeline uses 1.
    /// </param>
    public BatchProcessor(
        AuditEventValidator validator, ChainAppender appender, Action<string, Exception>? onGroupFailure = null, int maxParallelGroups = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelGroups, 1);
        _validator = validator;
        _appender = appender;
        _onGroupFailure = onGroupFailure;
        _maxParallelGroups = maxParallelGroups;
    }

    /// <summary>Processes <paramref name="messages"/> (in delivery order) and reports every message's outcome.</summary>
    public async Task<BatchReport> ProcessAsync(IReadOnlyList<QueuedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var started = Stopwatch.GetTimestamp();
        var groups = messages.GroupBy(m => m.GroupId, StringComparer.Ordinal).ToList();
        IReadOnlyList<ProcessedMessage>[] results;
        if (_maxParallelGroups >= groups.Count)
        {
            results = await Task.WhenAll(groups.Select(g => ProcessGroupAsync(g.Key, g.ToList(), cancellationToken)));
        }
        else
        {
            results = new IReadOnlyList<ProcessedMessage>[groups.Count];
            await Parallel.ForAsync(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = _maxParallelGroups, CancellationToken = cancellationToken }, async (i, ct) =>
                results[i] = await ProcessGroupAsync(groups[i].Key, groups[i].ToList(), ct));
        }

        var byId = results.SelectMany(r => r).ToDictionary(r => r.MessageId, StringComparer.Ordinal);
        var ordered = messages.Select(m => byId[m.MessageId]).ToList();
        return new BatchReport(ordered, Stopwatch.GetElapsedTime(started));
    }

    private async Task<IReadOnlyList<ProcessedMessage>> ProcessGroupAsync(
        string chainId, List<QueuedMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, ProcessedMessage>(StringComparer.Ordinal);
        var entries = new List<ChainEntry>(messages.Count);
        var guards = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var entry = ChainEntry.FromMessage(message.MessageId, message.Body, _validator);
            if (!guards.Add(entry.GuardKey))
            {
                // The same event twice in one batch: the first is stored, the second is a duplicate.
                outcomes[message.MessageId] = new ProcessedMessage(message.MessageId, chainId, MessageOutcome.Duplicate);
                continue;
            }

            entries.Add(entry);
        }

        string? failure = null;
        try
        {
            await _appender.AppendAsync(chainId, entries, outcomes, cancellationToken);
        }
        catch (Exception ex) when (ex is StoreUnavailableException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else is a bug or a permanent fault; the messages stay queued and reach the DLQ
            // after the redrive limit, where the alarm fires. Never a silent loss.
            failure = ex is StoreUnavailableException ? "transient storage fault" : $"unexpected {ex.GetType().Name}";
            _onGroupFailure?.Invoke(chainId, ex);
        }

        return ApplyFifoFailureRule(chainId, messages, outcomes, failure);
    }

    private static List<ProcessedMessage> ApplyFifoFailureRule(
        string chainId, List<QueuedMessage> messages, Dictionary<string, ProcessedMessage> outcomes, string? failure)
    {
        var result = new List<ProcessedMessage>(messages.Count);
        var failed = false;
        foreach (var message in messages)
        {
            failed |= !outcomes.ContainsKey(message.MessageId);
            result.Add(failed
                ? new ProcessedMessage(message.MessageId, chainId, MessageOutcome.Failed, FailureReason: failure ?? "not stored")
                : outcomes[message.MessageId]);
        }

        return result;
    }
}
