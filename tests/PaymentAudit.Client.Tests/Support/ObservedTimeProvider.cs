using Microsoft.Extensions.Time.Testing;

namespace PaymentAudit.Client.Tests.Support;

/// <summary>
/// A fake clock that also reports the timers created on it (batching windows, backoff delays,
/// shutdown timeouts), so a test can advance time exactly when the code under test is waiting.
/// </summary>
public sealed class ObservedTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public ObservedTimeProvider()
        : base(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Due times of the timers created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> TimerDueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> timers were created (fails after a safety timeout).</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_dueTimes.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(SafetyTimeout);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => _dueTimes.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }
}
