using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.SQS;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.History;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local.Provisioning;
using PaymentAudit.Storage;

namespace PaymentAudit.Local.Demos;

/// <summary>
/// Checks the audit table against what was sent: verifies every chain (also against the heads the
/// history index committed), counts accepted and
/// quarantined records, finds every sent event (by event id) and raw message (by message id),
/// and counts what is in the dead-letter queue. A sent message is lost when it is missing from
/// the table and the dead-letter queue does not account for it.
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
                    if (stored.Record.Status == RecordStatus.Accepted && stored.Record.EventId is { } eventId)
                    {
                        accepted.AddOrUpdate(eventId, 1, (_, n) => n + 1);
                    }
                    else if (MessageIdOf(stored.Record.Body) is { } messageId)
                    {
                        rejected.AddOrUpdate(messageId, 1, (_, n) => n + 1);
                    }
                }
            });

        var deadLettered = (await QueueDepth.ReadAsync(_sqs, _deadLetterQueueUrl, cancellationToken)).Total;
        var missing = ledger.EventIds.Count(id => !accepted.ContainsKey(id)) + ledger.RawMessageIds.Count(id => !rejected.ContainsKey(id));
        return new TrailCheckResult(
            Stored: accepted.Values.Sum(),
            Quarantined: rejected.Values.Sum(),
            DeadLettered: deadLettered,
            Missing: missing,
            Lost: Math.Max(0, missing - deadLettered),
            Doubled: accepted.Values.Sum(n => n - 1) + rejected.Values.Sum(n => n - 1),
            Chains: chainIds.Count,
            ChainsVerified: verified,
            Violations: violations.OrderBy(v => v.ChainId, StringComparer.Ordinal).ThenBy(v => v.Seq).ToList());
    }

    private static string? MessageIdOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("messageId", out var id) ? id.GetString() : null;
    }
}
