using System.Diagnostics;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Writer.Processing;

/// <summary>
/// Processes one batch: validates every message (invalid ones become quarantined entries, never
/// failures), groups them by chain keeping delivery order, appends each group (groups run
/// concurrently) and applies the FIFO failure rule: once a message of a group fails, it and every
/// later message of that group in the batch are reported failed, so SQS redelivers them in order;
/// messages of other groups complete.
/// </summary>
/// <remarks>
/// A batch that carries one event id in two groups (a sender's mistake) has the later occurrence,
/// and what follows it in its group, appended after every group's first part, so it is judged
/// against the stored first occurrence rather than racing it.
/// </remarks>
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
    /// parallel). The local pipeline may lower it for DynamoDB Local.
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
        var groups = Group(messages);
        var registry = new BatchEventRegistry();
        var outcomes = new Dictionary<string, ProcessedMessage>[groups.Count];
        var failures = new string?[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            outcomes[i] = new Dictionary<string, ProcessedMessage>(StringComparer.Ordinal);
        }

        await Parallel.ForAsync(
            0,
            groups.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Min(_maxParallelGroups, Math.Max(1, groups.Count)), CancellationToken = cancellationToken },
            async (i, ct) => failures[i] = await AppendAsync(groups[i], groups[i].FirstPart, outcomes[i], registry, ct));

        // Second parts, one group at a time: each is judged against everything stored before it.
        for (var i = 0; i < groups.Count; i++)
        {
            if (failures[i] is null && groups[i].SecondPart.Count > 0)
            {
                failures[i] = await AppendAsync(groups[i], groups[i].SecondPart, outcomes[i], registry, cancellationToken);
            }
        }

        var settled = new Dictionary<string, ProcessedMessage>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var result in ApplyFifoFailureRule(groups[i], outcomes[i], failures[i]))
            {
                settled[result.MessageId] = result;
            }
        }

        return new BatchReport(messages.Select(m => settled[m.MessageId]).ToList(), Stopwatch.GetElapsedTime(started));
    }

    private List<ChainGroup> Group(IReadOnlyList<QueuedMessage> messages)
    {
        var groups = new List<ChainGroup>();
        var byChain = new Dictionary<string, ChainGroup>(StringComparer.Ordinal);
        var firstChainOfEvent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var chainId = ChainIds.FromGroupId(message.GroupId);
            if (!byChain.TryGetValue(chainId, out var group))
            {
                group = new ChainGroup(chainId);
                byChain[chainId] = group;
                groups.Add(group);
            }

            var validated = new ValidatedMessage(message.Body, ChainEntry.FromMessage(message.MessageId, message.Body, _validator));
            var repeatsAnotherGroup = validated.Entry.Event is { } auditEvent
                && !string.Equals(firstChainOfEvent.TryAdd(auditEvent.EventId, chainId) ? chainId : firstChainOfEvent[auditEvent.EventId], chainId, StringComparison.Ordinal);
            group.Add(message, validated, repeatsAnotherGroup);
        }

        return groups;
    }

    private async Task<string?> AppendAsync(
        ChainGroup group, IReadOnlyList<ValidatedMessage> part, Dictionary<string, ProcessedMessage> outcomes, BatchEventRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            await _appender.AppendAsync(group.ChainId, part, outcomes, registry, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is StoreUnavailableException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else is a bug or a permanent fault; the messages stay queued and reach the DLQ
            // after the redrive limit, where the alarm fires. Never a silent loss.
            _onGroupFailure?.Invoke(group.ChainId, ex);
            return ex is StoreUnavailableException ? "transient storage fault" : $"unexpected {ex.GetType().Name}";
        }
    }

    private static List<ProcessedMessage> ApplyFifoFailureRule(ChainGroup group, Dictionary<string, ProcessedMessage> outcomes, string? failure)
    {
        var result = new List<ProcessedMessage>(group.Messages.Count);
        var failed = false;
        foreach (var message in group.Messages)
        {
            failed |= !outcomes.ContainsKey(message.MessageId);
            result.Add(failed
                ? new ProcessedMessage(message.MessageId, group.ChainId, MessageOutcome.Failed, FailureReason: failure ?? "not stored")
                : outcomes[message.MessageId]);
        }

        return result;
    }

    /// <summary>One chain's messages of the batch, split where a repeat of another group's event id starts.</summary>
    private sealed class ChainGroup(string chainId)
    {
        public string ChainId { get; } = chainId;

        public List<QueuedMessage> Messages { get; } = [];

        public List<ValidatedMessage> FirstPart { get; } = [];

        public List<ValidatedMessage> SecondPart { get; } = [];

        public void Add(QueuedMessage message, ValidatedMessage validated, bool repeatsAnotherGroup)
        {
            Messages.Add(message);
            (SecondPart.Count > 0 || repeatsAnotherGroup ? SecondPart : FirstPart).Add(validated);
        }
    }
}
