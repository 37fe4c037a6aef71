using System.Text.Json;

namespace PaymentAudit.Core.Chain;

/// <summary>What the writer needs to know of a recent record to recognise a redelivery: its position and identity.</summary>
/// <param name="Seq">Position in the chain.</param>
/// <param name="Hash">The record's hash.</param>
/// <param name="MessageId">The queue message it was made from.</param>
/// <param name="EventId">Event id of an accepted record; null for a quarantined one.</param>
/// <param name="EventHash">Content hash of the accepted event; null for a quarantined record.</param>
public sealed record TailEntry(long Seq, string Hash, string MessageId, string? EventId, string? EventHash)
{
    /// <summary>The tail entry of a record the writer has just linked.</summary>
    public static TailEntry Of(LinkedEntry linked)
    {
        ArgumentNullException.ThrowIfNull(linked);
        var entry = linked.Entry;
        return new TailEntry(linked.Record.Seq, linked.Record.Hash, entry.MessageId, entry.Event?.EventId, entry.IsAccepted ? entry.EventHash : null);
    }

    /// <summary>The tail entry of a stored record, read from its body (any format).</summary>
    /// <exception cref="FormatException">The body is not a readable record.</exception>
    public static TailEntry Of(ChainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            using var document = JsonDocument.Parse(record.Body);
            var root = document.RootElement;
            var messageId = root.GetProperty("messageId").GetString() ?? throw new FormatException("messageId is null");
            if (root.GetProperty("status").GetString() == RecordStatus.Accepted && root.TryGetProperty("event", out var stored))
            {
                return new TailEntry(record.Seq, record.Hash, messageId, stored.GetProperty("eventId").GetString(), EventHasher.Compute(stored));
            }

            return new TailEntry(record.Seq, record.Hash, messageId, null, null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Record {record.Seq} of chain '{record.ChainId}' has an unreadable body: {ex.Message}", ex);
        }
    }
}
