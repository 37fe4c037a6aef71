namespace PaymentAudit.Benchmarks.Verification;

/// <summary>Prints a progress line at a fixed interval until disposed, so a long phase shows it is moving.</summary>
internal sealed class ProgressTicker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts printing <paramref name="line"/>'s text every <paramref name="interval"/>.</summary>
    public ProgressTicker(TimeSpan interval, Func<string> line)
    {
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    Console.WriteLine(line());
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
