using System.Text.Json;
using PaymentAudit.Local.Emulators;

namespace PaymentAudit.Local.Demos;

/// <summary>
/// What became of every message the demo sent, counted by identity: a sent event by its event id,
/// a raw message by its SQS message id (every record names the message it was made from). A message is lost when it is neither stored (accepted or
/// quarantined) nor in the dead-letter queue: <c>lost = sent - stored - dead-lettered</c> as sets,
/// so a dead-lettered message that was also stored can never stand in for one that is missing.
/// </summary>
/// <param name="Missing">Sent messages not stored.</param>
/// <param name="Lost">Sent messages neither stored nor dead-lettered.</param>
/// <param name="DeadLettered">Messages in the dead-letter queue.</param>
/// <param name="StoredAndDeadLettered">Sent messages both stored and in the dead-letter queue (stored by a writer whose success never reached the queue).</param>
public sealed record DeliveryAccount(long Missing, long Lost, long DeadLettered, long StoredAndDeadLettered)
{
    /// <summary>Accounts for what <paramref name="ledger"/> says was sent.</summary>
    /// <param name="ledger">What SQS accepted.</param>
    /// <param name="storedEventIds">Event ids with an accepted record.</param>
    /// <param name="storedMessageIds">SQS message ids with a record, accepted or quarantined (a raw message is found by it).</param>
    /// <param name="deadLetters">Every message of the dead-letter queue.</param>
    public static DeliveryAccount Of(
        SendLedger ledger, IReadOnlySet<string> storedEventIds, IReadOnlySet<string> storedMessageIds, IReadOnlyList<InspectedMessage> deadLetters)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(storedEventIds);
        ArgumentNullException.ThrowIfNull(storedMessageIds);
        ArgumentNullException.ThrowIfNull(deadLetters);
        var rawSent = ledger.RawMessageIds.ToHashSet(StringComparer.Ordinal);
        var deadMessageIds = deadLetters.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);

        // The queue keeps a message's id when it moves it to the dead-letter queue; a client-sent
        // event is known by the event id in its body (the client does not report message ids).
        var deadEventIds = deadLetters
            .Where(m => !rawSent.Contains(m.MessageId))
            .Select(m => EventIdOf(m.Body))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        long missing = 0, lost = 0, overlap = 0;
        foreach (var eventId in ledger.EventIds.Distinct(StringComparer.Ordinal))
        {
            Count(storedEventIds.Contains(eventId), deadEventIds.Contains(eventId), ref missing, ref lost, ref overlap);
        }

        foreach (var messageId in rawSent)
        {
            Count(storedMessageIds.Contains(messageId), deadMessageIds.Contains(messageId), ref missing, ref lost, ref overlap);
        }

        return new DeliveryAccount(missing, lost, deadLetters.Count, overlap);
    }

    private static void Count(bool stored, bool deadLettered, ref long missing, ref long lost, ref long overlap)
    {
        if (!stored)
        {
            missing++;
            lost += deadLettered ? 0 : 1;
        }
        else if (deadLettered)
        {
            overlap++;
        }
    }

    private static string? EventIdOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("eventId", out var id)
                && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
