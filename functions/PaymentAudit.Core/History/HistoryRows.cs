using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.History;

/// <summary>Derives a stored record's history rows from what its body says.</summary>
public static class HistoryRows
{
    /// <summary>
    /// The rows of one record: an actor row when the actor is known (also for quarantined
    /// messages, so a sender's refused messages show on its timeline), and one record row per
    /// distinct payment record an accepted event touched.
    /// </summary>
    public static IReadOnlyList<HistoryRow> From(RecordProjection record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var seed = record.Seed;
        var rows = new List<HistoryRow>(1);
        if (seed.UserId != SeedAttributes.Unknown)
        {
            rows.Add(Row(HistoryKind.Actor, seed.UserId, record, null));
        }

        if (record.Event is { } stored)
        {
            foreach (var reference in ChainLinker.References(stored))
            {
                rows.Add(Row(HistoryKind.Record, reference.RecordId, record, reference.Kind));
            }
        }

        return rows;
    }

    private static HistoryRow Row(HistoryKind kind, string key, RecordProjection record, string? reference) => new(
        kind,
        key,
        record.Seed.Timestamp,
        record.ChainId,
        record.Seq,
        record.Seed.UserId,
        record.Status,
        record.EventId,
        record.EventType,
        record.Seed.QueryResult,
        reference);
}
