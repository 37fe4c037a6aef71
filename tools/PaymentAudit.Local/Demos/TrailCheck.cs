using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.SQS;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;

namespace PaymentAudit.Local.Demos;

/// <summary>
/// Checks the audit table against what was sent: verifies every chain (also against the heads the
/// history index committed), counts accepted, quarantined and masked records, finds every sent
/// event (by event id) and raw message (by message id, whether it was accepted or quarantined),
/// searches every stored body for a card number in the clear,
/// and reads every message of the dead-letter queue without consuming it (see
/// <see cref="FauxqsQueueInspector"/>). A sent message is lost when it is neither in the table nor
/// in the dead-letter queue, counted by identity (<see cref="DeliveryAccount"/>).
/// </summary>
public sealed class TrailCheck
{
    private const int ParallelChains = 8;
    private readonly AuditTrailReader _reader;
    private readonly IReadOnlyDictionary<string, ChainWatermark> _commitments;
    private readonly IAmazonSQS _sqs;
    private readonly string _deadLetterQueueUrl;

    /// <summary>Creates a check over the table <paramref name="reader"/> reads, the index's committed heads and the dead-letter queue.</summary>
    public TrailCheck(AuditTrailReader reader, IReadOnlyDictionary<string, ChainWatermark> commitments, IAmazonSQS sqs, string deadLetterQueueUrl)
    {
        _reader = reader;
        _commitments = commitments;
        _sqs = sqs;
        _deadLetterQueueUrl = deadLetterQueueUrl;
    }

    /// <summary>Runs the check.</summary>
    public async Task<TrailCheckResult> RunAsync(SendLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var chainIds = await _reader.ListChainIdsAsync(cancellationToken);
        var accepted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var rejected = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var messageIds = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        long redacted = 0, clearCardNumbers = 0;
        var violations = new ConcurrentQueue<ChainViolation>();
        var verified = 0;
        var verifier = new ChainVerifier(new AuditEventValidator());
        await Parallel.ForEachAsync(
            chainIds,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChains, CancellationToken = cancellationToken },
            async (chainId, token) =>
            {
                var records = new List<StoredRecord>();
                await foreach (var record in _reader.ReadChainAsync(chainId, cancellationToken: token))
                {
                    records.Add(record);
                }

                var committed = _commitments.TryGetValue(chainId, out var mark) ? new[] { new ChainCommitment(mark.Seq, mark.Hash, HistoryCommitments.Source) } : [];
                var verification = await verifier.VerifyAsync(chainId, records.ToAsyncEnumerable(), committed, cancellationToken: token);
                if (verification.IsIntact)
                {
                    Interlocked.Increment(ref verified);
                }
                else
                {
                    foreach (var violation in verification.Violations)
                    {
                        violations.Enqueue(violation);
                    }
                }

                foreach (var stored in records)
                {
                    var (messageId, masked) = Facts(stored.Record.Body);
                    if (messageId is not null)
                    {
                        messageIds.TryAdd(messageId, 0);
                    }

                    if (stored.Record.Status == RecordStatus.Accepted && stored.Record.EventId is { } eventId)
                    {
                        accepted.AddOrUpdate(eventId, 1, (_, n) => n + 1);
                    }
                    else if (messageId is not null)
                    {
                        rejected.AddOrUpdate(messageId, 1, (_, n) => n + 1);
                    }

                    Interlocked.Add(ref redacted, masked ? 1 : 0);
                    Interlocked.Add(ref clearCardNumbers, CardNumberDetector.ContainsCardNumber(stored.Record.Body) ? 1 : 0);
                }
            });

        var deadLetters = await ReadDeadLettersAsync(cancellationToken);
        var account = DeliveryAccount.Of(
            ledger, accepted.Keys.ToHashSet(StringComparer.Ordinal), messageIds.Keys.ToHashSet(StringComparer.Ordinal), deadLetters);
        return new TrailCheckResult(
            Stored: accepted.Values.Sum(),
            Quarantined: rejected.Values.Sum(),
            DeadLettered: account.DeadLettered,
            Missing: account.Missing,
            Lost: account.Lost,
            Doubled: accepted.Values.Sum(n => n - 1) + rejected.Values.Sum(n => n - 1),
            Chains: chainIds.Count,
            ChainsVerified: verified,
            Violations: violations.OrderBy(v => v.ChainId, StringComparer.Ordinal).ThenBy(v => v.Seq).ToList(),
            StoredAndDeadLettered: account.StoredAndDeadLettered,
            Redacted: redacted,
            ClearCardNumbers: clearCardNumbers);
    }

    /// <summary>Every message of the dead-letter queue, checked against the depth SQS reports for it.</summary>
    private async Task<IReadOnlyList<InspectedMessage>> ReadDeadLettersAsync(CancellationToken cancellationToken)
    {
        using var inspector = FauxqsQueueInspector.For(_sqs);
        var messages = await inspector.ReadAsync(_deadLetterQueueUrl, cancellationToken);
        var depth = await QueueDepth.ReadAsync(_sqs, _deadLetterQueueUrl, cancellationToken);
        return messages.Count == depth.Total
            ? messages
            : throw new InvalidOperationException(
                $"The dead-letter queue shows {messages.Count} messages on inspection but reports {depth.Total}: it cannot be accounted for.");
    }

    // The queue message a record was made from, and whether the writer masked a card number in it.
    private static (string? MessageId, bool Redacted) Facts(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return (root.TryGetProperty("messageId", out var id) ? id.GetString() : null, root.TryGetProperty("redacted", out _));
    }
}
