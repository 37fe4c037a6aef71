namespace PaymentAudit.Client.Internal;

/// <summary>
/// Bounds how many events are buffered or in flight. An event is admitted at once while there is
/// room and nobody waits; otherwise it waits in line and is admitted, oldest first, when an
/// admitted event is settled. Admission hands the event to the dispatcher inside the lock, so
/// events enter the buffer exactly in the order they were offered, also after waiting
/// (a semaphore would let two released waiters race to the buffer and swap places).
/// </summary>
internal sealed class BoundedAdmission(int capacity, Action<PendingEntry> admit)
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingEntry> _waiting = new();
    private readonly int _capacity = capacity;
    private int _available = capacity;

    /// <summary>Places taken: events buffered or in flight.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _capacity - _available;
            }
        }
    }

    /// <summary>Admits <paramref name="entry"/> (true) or puts it in line (false).</summary>
    public bool Enter(PendingEntry entry)
    {
        lock (_gate)
        {
            if (_waiting.Count == 0 && _available > 0)
            {
                _available--;
                admit(entry);
                return true;
            }

            entry.Waiting = true;
            _waiting.Enqueue(entry);
            return false;
        }
    }

    /// <summary>Frees the place of a settled event: the oldest event still in line takes it.</summary>
    public void Leave()
    {
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var next))
            {
                if (next.Waiting)
                {
                    next.Waiting = false;
                    admit(next);
                    return;
                }
            }

            _available++;
        }
    }

    /// <summary>Takes a waiting event out of line; false when it was admitted already.</summary>
    public bool TryWithdraw(PendingEntry entry)
    {
        lock (_gate)
        {
            if (!entry.Waiting)
            {
                return false;
            }

            entry.Waiting = false;
            return true;
        }
    }
}
