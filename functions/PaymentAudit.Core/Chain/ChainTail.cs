namespace PaymentAudit.Core.Chain;

/// <summary>
/// The last records of a chain, newest last: its head, and enough history to recognise a
/// redelivery. SQS FIFO hands out a group's messages one batch at a time and redelivers only what
/// was not acknowledged, in order, so a redelivered message that was already stored is always
/// among the chain's last <see cref="Depth"/> records. Immutable: appending returns a new tail.
/// </summary>
public sealed class ChainTail
{
    /// <summary>
    /// Records kept: twice Lambda's largest FIFO batch (10), so a batch redelivered while a second
    /// writer stored it again is still recognised.
    /// </summary>
    public const int Depth = 20;

    private readonly TailEntry[] _entries;

    private ChainTail(TailEntry[] entries) => _entries = entries;

    /// <summary>An empty chain.</summary>
    public static ChainTail Empty { get; } = new([]);

    /// <summary>The chain's last record as a head (<see cref="ChainHead.Genesis"/> when empty).</summary>
    public ChainHead Head => _entries.Length == 0 ? ChainHead.Genesis : new ChainHead(_entries[^1].Seq, _entries[^1].Hash);

    /// <summary>The entries held, oldest first.</summary>
    public IReadOnlyList<TailEntry> Entries => _entries;

    /// <summary>A tail of <paramref name="entries"/> (contiguous, oldest first), keeping the last <see cref="Depth"/>.</summary>
    public static ChainTail Of(IEnumerable<TailEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToArray();
        for (var i = 1; i < all.Length; i++)
        {
            if (all[i].Seq != all[i - 1].Seq + 1)
            {
                throw new ArgumentException($"Tail entries must be contiguous: {all[i - 1].Seq} is followed by {all[i].Seq}.", nameof(entries));
            }
        }

        return new ChainTail(all.Length > Depth ? all[^Depth..] : all);
    }

    /// <summary>The tail after <paramref name="next"/> is stored.</summary>
    public ChainTail Append(TailEntry next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Seq != Head.Seq + 1)
        {
            throw new ArgumentException($"Record {next.Seq} does not follow the head at {Head.Seq}.", nameof(next));
        }

        var keep = Math.Min(_entries.Length, Depth - 1);
        var entries = new TailEntry[keep + 1];
        Array.Copy(_entries, _entries.Length - keep, entries, 0, keep);
        entries[keep] = next;
        return new ChainTail(entries);
    }

    /// <summary>The record made from queue message <paramref name="messageId"/>, if it is in the tail.</summary>
    public TailEntry? FindMessage(string messageId) =>
        Array.FindLast(_entries, e => string.Equals(e.MessageId, messageId, StringComparison.Ordinal));

    /// <summary>The accepted record of event <paramref name="eventId"/>, if it is in the tail.</summary>
    public TailEntry? FindEvent(string eventId) =>
        Array.FindLast(_entries, e => string.Equals(e.EventId, eventId, StringComparison.Ordinal));
}
