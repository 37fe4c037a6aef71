using System.Globalization;
using PaymentAudit.Auditing.Verification;

namespace PaymentAudit.Cli.Auditing;

/// <summary>
/// Shows a verification's progress on standard error: rewriting one line in place on a terminal, or
/// one counters line every five seconds when error output is redirected (logs, CI). Never colours.
/// </summary>
public sealed class VerifyProgressReporter
{
    private static readonly TimeSpan RedirectedInterval = TimeSpan.FromSeconds(5);
    private readonly TextWriter _error;
    private readonly bool _interactive;
    private readonly object _gate = new();
    private TimeSpan? _lastPrinted;
    private bool _printedInPlace;

    /// <summary>Creates a reporter writing to <paramref name="error"/>.</summary>
    public VerifyProgressReporter(TextWriter error, bool interactive)
    {
        _error = error;
        _interactive = interactive;
    }

    /// <summary>Shows <paramref name="progress"/> if it is time to.</summary>
    public void Report(VerifyProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            var interval = _interactive ? TimeSpan.FromMilliseconds(200) : RedirectedInterval;
            if (_lastPrinted is { } last && progress.Elapsed - last < interval)
            {
                return;
            }

            _lastPrinted = progress.Elapsed;
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"verifying: chains {progress.ChainsDone}/{progress.Chains}  records {progress.Records}  {progress.RecordsPerSecond:0} records/s  violations {progress.Violations}");
            if (_interactive)
            {
                _error.Write("\r" + line.PadRight(100));
                _printedInPlace = true;
            }
            else
            {
                _error.WriteLine(line);
            }

            _error.Flush();
        }
    }

    /// <summary>Ends the in-place line, if any.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_printedInPlace)
            {
                _error.WriteLine();
                _printedInPlace = false;
            }
        }
    }
}
