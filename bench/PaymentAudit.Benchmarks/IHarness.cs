namespace PaymentAudit.Benchmarks;

/// <summary>An end-to-end measurement against local emulators that prints its figures.</summary>
public interface IHarness
{
    /// <summary>The name given on the command line, e.g. <c>writer</c>.</summary>
    string Name { get; }

    /// <summary>Runs the measurement and prints its result lines; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
