namespace PaymentAudit.Core.History;

/// <summary>
/// One entry of the history index: a key (actor id or payment record id), when, and where the full
/// record is. Rows are derived from stored records only, so they can always be rebuilt and checked.
/// </summary>
/// <param name="Kind">Which index the row belongs to.</param>
/// <param name="Key">The actor id (<see cref="HistoryKind.Actor"/>) or the payment record id (<see cref="HistoryKind.Record"/>).</param>
/// <param name="Timestamp">When it happened: the seed attribute <c>timestamp</c> (sortable UTC).</param>
/// <param name="ChainId">Chain of the full record.</param>
/// <param name="Seq">Position of the full record.</param>
/// <param name="ActorId">Who (the seed attribute <c>user_id</c>).</param>
/// <param name="Status"><c>accepted</c> or <c>rejected</c>.</param>
/// <param name="EventId">Event id of an accepted record.</param>
/// <param name="EventType">Event type of an accepted record.</param>
/// <param name="Result">The seed attribute <c>query_result</c>.</param>
/// <param name="Reference">Record rows: how the record was touched (<c>queried</c>, <c>returned</c>, <c>processed</c>, joined by <c>+</c>).</param>
public sealed record HistoryRow(
    HistoryKind Kind,
    string Key,
    string Timestamp,
    string ChainId,
    long Seq,
    string ActorId,
    string Status,
    string? EventId,
    string? EventType,
    string Result,
    string? Reference)
{
    /// <summary>
    /// 128 bits of SHA-256 over the row's JSON as segments store it: rows can be compared as
    /// multisets (sums of fingerprints) without holding them.
    /// </summary>
    public UInt128 Fingerprint()
    {
        Span<byte> digest = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this, HistoryJsonContext.Default.HistoryRow), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    /// <summary>Row order inside a segment: key, then time, then position.</summary>
    public static int CompareBySegmentOrder(HistoryRow? x, HistoryRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byKey = string.CompareOrdinal(x.Key, y.Key);
        return byKey != 0 ? byKey : CompareByTime(x, y);
    }

    /// <summary>Answer order: time, then chain, then position (a total order: a record has one row per key).</summary>
    public static int CompareByTime(HistoryRow? x, HistoryRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = string.CompareOrdinal(x.Timestamp, y.Timestamp);
        if (byTime != 0)
        {
            return byTime;
        }

        var byChain = string.CompareOrdinal(x.ChainId, y.ChainId);
        return byChain != 0 ? byChain : x.Seq.CompareTo(y.Seq);
    }
}
